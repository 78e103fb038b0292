/**
 * Interventions as stored, their latest verdict per node (the target and each outcome node)
 * and the history of verdict changes. Every key leads with the workspace.
 */
import type { ComparisonScope, InterventionCreate, TreatedScope } from '@treeline/core';
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  InterventionsTable,
  InterventionVerdictChangesTable,
  InterventionVerdictsTable,
} from '../schema/database';

export type InterventionRow = Selectable<InterventionsTable>;
export type InterventionVerdictRow = Selectable<InterventionVerdictsTable>;
export type InterventionVerdictChangeRow = Selectable<InterventionVerdictChangesTable>;

export interface NewIntervention extends InterventionCreate {
  workspaceId: string;
  targetNodeLabel: string;
  targetMetricKey: string;
  createdBy: string | null;
}

export async function insertIntervention(
  db: Kysely<Database>,
  values: NewIntervention,
): Promise<InterventionRow> {
  return db
    .insertInto('interventions')
    .values({
      workspace_id: values.workspaceId,
      tree_id: values.treeId,
      target_node_id: values.targetNodeId,
      target_node_label: values.targetNodeLabel,
      target_metric_key: values.targetMetricKey,
      title: values.title,
      description: values.description,
      owner_id: values.ownerId,
      starts_on: values.startsOn,
      ends_on: values.endsOn,
      expected_direction: values.expectedDirection,
      mde: values.mde,
      treated_scope: JSON.stringify(values.treatedScope),
      comparison_scope: values.comparisonScope ? JSON.stringify(values.comparisonScope) : null,
      outcome_node_ids: values.outcomeNodeIds,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface InterventionChanges {
  targetNodeId?: string;
  targetNodeLabel?: string;
  targetMetricKey?: string;
  title?: string;
  description?: string;
  ownerId?: string;
  startsOn?: string;
  endsOn?: string | null;
  expectedDirection?: 'up' | 'down';
  mde?: number;
  treatedScope?: TreatedScope;
  comparisonScope?: ComparisonScope | null;
  outcomeNodeIds?: string[];
  status?: 'open' | 'closed';
  closedAt?: Date | null;
}

/** Applies the changes given; returns the row, or undefined when the workspace has none. */
export async function updateIntervention(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  changes: InterventionChanges,
  now = new Date(),
): Promise<InterventionRow | undefined> {
  const c = changes;
  return db
    .updateTable('interventions')
    .set({
      ...(c.targetNodeId !== undefined && { target_node_id: c.targetNodeId }),
      ...(c.targetNodeLabel !== undefined && { target_node_label: c.targetNodeLabel }),
      ...(c.targetMetricKey !== undefined && { target_metric_key: c.targetMetricKey }),
      ...(c.title !== undefined && { title: c.title }),
      ...(c.description !== undefined && { description: c.description }),
      ...(c.ownerId !== undefined && { owner_id: c.ownerId }),
      ...(c.startsOn !== undefined && { starts_on: c.startsOn }),
      ...(c.endsOn !== undefined && { ends_on: c.endsOn }),
      ...(c.expectedDirection !== undefined && { expected_direction: c.expectedDirection }),
      ...(c.mde !== undefined && { mde: c.mde }),
      ...(c.treatedScope !== undefined && { treated_scope: JSON.stringify(c.treatedScope) }),
      ...(c.comparisonScope !== undefined && {
        comparison_scope: c.comparisonScope ? JSON.stringify(c.comparisonScope) : null,
      }),
      ...(c.outcomeNodeIds !== undefined && { outcome_node_ids: c.outcomeNodeIds }),
      ...(c.status !== undefined && { status: c.status }),
      ...(c.closedAt !== undefined && { closed_at: c.closedAt }),
      updated_at: now,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function findIntervention(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<InterventionRow | undefined> {
  return db
    .selectFrom('interventions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface InterventionFilter {
  treeId?: string | undefined;
  /** The target or an outcome node. */
  nodeId?: string | undefined;
  ownerId?: string | undefined;
  status?: 'open' | 'closed' | undefined;
}

export async function listInterventions(
  db: Kysely<Database>,
  workspaceId: string,
  filter: InterventionFilter = {},
): Promise<InterventionRow[]> {
  let query = db.selectFrom('interventions').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.treeId) query = query.where('tree_id', '=', filter.treeId);
  if (filter.ownerId) query = query.where('owner_id', '=', filter.ownerId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.nodeId) {
    const nodeId = filter.nodeId;
    query = query.where((eb) =>
      eb.or([
        eb('target_node_id', '=', nodeId),
        eb(eb.val(nodeId), '=', eb.fn.any(eb.ref('outcome_node_ids'))),
      ]),
    );
  }
  return query.orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
}

/** The latest verdicts of the given interventions, every node's. */
export async function listInterventionVerdicts(
  db: Kysely<Database>,
  workspaceId: string,
  interventionIds: readonly string[],
): Promise<InterventionVerdictRow[]> {
  if (interventionIds.length === 0) return [];
  return db
    .selectFrom('intervention_verdicts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('intervention_id', 'in', interventionIds)
    .execute();
}

export async function listVerdictChanges(
  db: Kysely<Database>,
  workspaceId: string,
  interventionId: string,
): Promise<InterventionVerdictChangeRow[]> {
  return db
    .selectFrom('intervention_verdict_changes')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('intervention_id', '=', interventionId)
    .orderBy('changed_at')
    .execute();
}

export interface VerdictWrite {
  workspaceId: string;
  interventionId: string;
  nodeId: string;
  verdict: string;
  result: unknown;
  summary: string;
}

/**
 * Stores the latest verdict of a node; when it differs from the one stored (or there was
 * none), records the change and returns it, else returns null.
 */
export async function writeVerdict(
  db: Kysely<Database>,
  write: VerdictWrite,
  now = new Date(),
): Promise<InterventionVerdictChangeRow | null> {
  const previous = await db
    .selectFrom('intervention_verdicts')
    .select(['verdict'])
    .where('workspace_id', '=', write.workspaceId)
    .where('intervention_id', '=', write.interventionId)
    .where('node_id', '=', write.nodeId)
    .forUpdate()
    .executeTakeFirst();
  const row = {
    workspace_id: write.workspaceId,
    intervention_id: write.interventionId,
    node_id: write.nodeId,
    verdict: write.verdict,
    result: JSON.stringify(write.result),
    summary: write.summary,
    computed_at: now,
  };
  await db
    .insertInto('intervention_verdicts')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'intervention_id', 'node_id']).doUpdateSet({
        verdict: row.verdict,
        result: row.result,
        summary: row.summary,
        computed_at: now,
      }),
    )
    .execute();
  if (previous?.verdict === write.verdict) return null;
  return db
    .insertInto('intervention_verdict_changes')
    .values({
      workspace_id: write.workspaceId,
      intervention_id: write.interventionId,
      node_id: write.nodeId,
      from_verdict: previous?.verdict ?? null,
      to_verdict: write.verdict,
      result: row.result,
      summary: write.summary,
      changed_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
