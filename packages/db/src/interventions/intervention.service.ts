/**
 * Interventions for the API and the worker: create, edit and close with their rules (scopes
 * that do not overlap, nodes of the tree, an owner of the workspace), the views the API sends,
 * and the recomputation of open interventions' verdicts, telling the owner and the target
 * node's Accountable of a change (in-app, email and the 'intervention.verdict_changed'
 * webhook) in the same transaction that records it.
 */
import {
  checkInterventionScopes,
  DomainError,
  type Intervention,
  type InterventionCreate,
  type InterventionDetail,
  type InterventionPatch,
  InterventionVerdictSchema,
  notFound,
  type Verdict,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { enqueueDeliveries, type NewDelivery } from '../delivery/delivery.repository';
import { insertNotifications } from '../delivery/notification.repository';
import { webhookEndpointsFor } from '../delivery/webhook-endpoint.repository';
import type { Database, Workspace } from '../schema/database';
import {
  findIntervention,
  type InterventionFilter,
  type InterventionRow,
  insertIntervention,
  listInterventions,
  listInterventionVerdicts,
  listVerdictChanges,
  updateIntervention,
  writeVerdict,
} from './intervention.repository';
import { loadInterventionNodes } from './intervention-nodes';
import { judgeInterventionNode, scopeLabels } from './verify-intervention-row';

export const VERDICT_WEBHOOK_EVENT = 'intervention.verdict_changed';

type Ws = Pick<
  Workspace,
  'id' | 'time_zone' | 'week_start' | 'fiscal_year_start_month' | 'counting_policy'
>;

/** Runs `work` in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>) {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('invalid_intervention', `${field}: ${message}`, { field });
}

async function checkIntervention(
  db: Kysely<Database>,
  workspaceId: string,
  value: InterventionCreate,
) {
  checkInterventionScopes(value.treatedScope, value.comparisonScope);
  if (value.endsOn !== null && value.endsOn < value.startsOn) {
    throw invalid('endsOn', `the end (${value.endsOn}) is before the start (${value.startsOn})`);
  }
  const tree = await db
    .selectFrom('trees')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', value.treeId)
    .executeTakeFirst();
  if (!tree) throw invalid('treeId', 'no tree with that id in this workspace');
  const nodes = await loadInterventionNodes(db, workspaceId, value.treeId, [
    value.targetNodeId,
    ...value.outcomeNodeIds,
  ]);
  const target = nodes.get(value.targetNodeId);
  if (!target) throw invalid('targetNodeId', 'no node with that id in the tree');
  const missing = value.outcomeNodeIds.find((id) => !nodes.has(id));
  if (missing) throw invalid('outcomeNodeIds', `no node ${missing} in the tree`);
  if (value.outcomeNodeIds.includes(value.targetNodeId)) {
    throw invalid('outcomeNodeIds', 'the target node is not also an outcome node');
  }
  const owner = await db
    .selectFrom('people')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', value.ownerId)
    .executeTakeFirst();
  if (!owner) throw invalid('ownerId', 'no person with that id in this workspace');
  return target;
}

/** Logs an intervention and computes its first verdicts. */
export async function createIntervention(
  db: Kysely<Database>,
  workspace: Ws,
  input: InterventionCreate,
  createdBy: string | null,
  now = new Date(),
): Promise<Intervention> {
  return inTransaction(db, async (trx) => {
    const target = await checkIntervention(trx, workspace.id, input);
    const row = await insertIntervention(trx, {
      ...input,
      workspaceId: workspace.id,
      targetNodeLabel: target.label,
      targetMetricKey: target.metricKey,
      createdBy,
    });
    await recomputeRow(trx, workspace, row, now);
    return (await interventionViews(trx, workspace.id, [row]))[0]!;
  });
}

/** Edits an open or closed intervention; its verdicts are computed again. */
export async function editIntervention(
  db: Kysely<Database>,
  workspace: Ws,
  id: string,
  patch: InterventionPatch,
  now = new Date(),
): Promise<Intervention> {
  return inTransaction(db, async (trx) => {
    const row = await findIntervention(trx, workspace.id, id);
    if (!row) throw notFound('Intervention', id);
    const merged: InterventionCreate = {
      treeId: row.tree_id,
      targetNodeId: patch.targetNodeId ?? row.target_node_id,
      title: patch.title ?? row.title,
      description: patch.description ?? row.description,
      ownerId: patch.ownerId ?? row.owner_id,
      startsOn: patch.startsOn ?? row.starts_on,
      endsOn: patch.endsOn !== undefined ? patch.endsOn : row.ends_on,
      expectedDirection: patch.expectedDirection ?? row.expected_direction,
      mde: patch.mde ?? row.mde,
      treatedScope: patch.treatedScope ?? (row.treated_scope as InterventionCreate['treatedScope']),
      comparisonScope:
        patch.comparisonScope !== undefined
          ? patch.comparisonScope
          : (row.comparison_scope as InterventionCreate['comparisonScope']),
      outcomeNodeIds: patch.outcomeNodeIds ?? row.outcome_node_ids,
    };
    const targetChanged = merged.targetNodeId !== row.target_node_id;
    const target = targetChanged ? await checkIntervention(trx, workspace.id, merged) : null;
    if (!targetChanged) {
      // The target may have been removed since: keep it, check the rest.
      checkInterventionScopes(merged.treatedScope, merged.comparisonScope);
      if (merged.endsOn !== null && merged.endsOn < merged.startsOn) {
        throw invalid(
          'endsOn',
          `the end (${merged.endsOn}) is before the start (${merged.startsOn})`,
        );
      }
    }
    const updated = await updateIntervention(
      trx,
      workspace.id,
      id,
      {
        ...merged,
        ...(target && { targetNodeLabel: target.label, targetMetricKey: target.metricKey }),
      },
      now,
    );
    await recomputeRow(trx, workspace, updated!, now);
    return (await interventionViews(trx, workspace.id, [updated!]))[0]!;
  });
}

/** Closes an intervention: its verdicts stay as they are and are no longer recomputed. */
export async function closeIntervention(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  now = new Date(),
): Promise<Intervention> {
  const row = await updateIntervention(
    db,
    workspaceId,
    id,
    { status: 'closed', closedAt: now },
    now,
  );
  if (!row) throw notFound('Intervention', id);
  return (await interventionViews(db, workspaceId, [row]))[0]!;
}

/** The API's view of stored interventions, with their latest verdicts. */
export async function interventionViews(
  db: Kysely<Database>,
  workspaceId: string,
  rows: readonly InterventionRow[],
): Promise<Intervention[]> {
  const verdicts = await listInterventionVerdicts(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const owners = new Map(
    (
      await db
        .selectFrom('people')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspaceId)
        .execute()
    ).map((p) => [p.id, p.name]),
  );
  const views: Intervention[] = [];
  for (const row of rows) {
    const nodes = await loadInterventionNodes(db, workspaceId, row.tree_id, [
      row.target_node_id,
      ...row.outcome_node_ids,
    ]);
    const nodeView = (nodeId: string, fallback: string) => {
      const stored = verdicts.find((v) => v.intervention_id === row.id && v.node_id === nodeId);
      const parsed = stored ? InterventionVerdictSchema.safeParse(stored.result) : null;
      return {
        nodeId,
        label: nodes.get(nodeId)?.label ?? fallback,
        removed: !nodes.has(nodeId),
        result: parsed?.success ? parsed.data : null,
        summary: stored?.summary ?? null,
        computedAt: stored?.computed_at.toISOString() ?? null,
      };
    };
    views.push({
      id: row.id,
      treeId: row.tree_id,
      title: row.title,
      description: row.description,
      ownerId: row.owner_id,
      ownerName: owners.get(row.owner_id) ?? 'a former member',
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      expectedDirection: row.expected_direction,
      mde: row.mde,
      treatedScope: row.treated_scope as Intervention['treatedScope'],
      comparisonScope: (row.comparison_scope as Intervention['comparisonScope']) ?? null,
      ...scopeLabels(row),
      status: row.status,
      target: nodeView(row.target_node_id, row.target_node_label),
      outcomes: row.outcome_node_ids.map((id) => nodeView(id, 'A removed node')),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      closedAt: row.closed_at?.toISOString() ?? null,
    });
  }
  return views;
}

/** The list, filtered; `verdict` filters on the target node's latest verdict. */
export async function listInterventionViews(
  db: Kysely<Database>,
  workspaceId: string,
  filter: InterventionFilter & { verdict?: Verdict | undefined } = {},
): Promise<Intervention[]> {
  const views = await interventionViews(
    db,
    workspaceId,
    await listInterventions(db, workspaceId, filter),
  );
  return filter.verdict ? views.filter((v) => v.target.result?.verdict === filter.verdict) : views;
}

/** One intervention with its target's weekly series for the chart, and its verdict history. */
export async function interventionDetail(
  db: Kysely<Database>,
  workspace: Ws,
  id: string,
  now = new Date(),
): Promise<InterventionDetail> {
  const row = await findIntervention(db, workspace.id, id);
  if (!row) throw notFound('Intervention', id);
  const [intervention] = await interventionViews(db, workspace.id, [row]);
  const nodes = await loadInterventionNodes(db, workspace.id, row.tree_id, [row.target_node_id]);
  const target = nodes.get(row.target_node_id);
  let series: InterventionDetail['series'] = null;
  if (target) {
    const judged = await judgeInterventionNode(db, workspace, row, target, now);
    series = {
      periods: judged.series.periods.map((p) => ({ start: p.start, label: p.label })),
      treated: [...judged.series.treated.values],
      comparison: judged.series.comparison ? [...judged.series.comparison.values] : null,
      startIndex: judged.series.startIndex,
      unit: target.unit,
    };
  }
  const history = (await listVerdictChanges(db, workspace.id, id)).map((c) => ({
    nodeId: c.node_id,
    fromVerdict: (c.from_verdict as Verdict | null) ?? null,
    toVerdict: c.to_verdict as Verdict,
    summary: c.summary,
    changedAt: c.changed_at.toISOString(),
  }));
  return { intervention: intervention!, series, history };
}

export interface VerdictChange {
  interventionId: string;
  changeId: string;
  nodeId: string;
  from: string | null;
  to: string;
  summary: string;
}

async function recomputeRow(
  db: Kysely<Database>,
  workspace: Ws,
  row: InterventionRow,
  now: Date,
): Promise<VerdictChange[]> {
  const nodes = await loadInterventionNodes(db, workspace.id, row.tree_id, [
    row.target_node_id,
    ...row.outcome_node_ids,
  ]);
  const changes: VerdictChange[] = [];
  // A node removed from its tree keeps its last verdict: nothing to recompute it from.
  for (const node of nodes.values()) {
    const judged = await judgeInterventionNode(db, workspace, row, node, now);
    const change = await writeVerdict(
      db,
      {
        workspaceId: workspace.id,
        interventionId: row.id,
        nodeId: node.id,
        verdict: judged.result.verdict,
        result: judged.result,
        summary: judged.summary,
      },
      now,
    );
    if (change) {
      changes.push({
        interventionId: row.id,
        changeId: change.id,
        nodeId: node.id,
        from: change.from_verdict,
        to: change.to_verdict,
        summary: change.summary,
      });
    }
  }
  return changes;
}

const VERDICT_WORDS: Record<string, string> = {
  verified: 'Verified',
  not_verified: 'Not verified',
  inconclusive: 'Inconclusive',
};

async function notifyVerdictChange(
  db: Kysely<Database>,
  workspaceId: string,
  row: InterventionRow,
  change: VerdictChange,
): Promise<void> {
  const nodes = await loadInterventionNodes(db, workspaceId, row.tree_id, [row.target_node_id]);
  const recipients = new Map<string, string>([[row.owner_id, 'owner']]);
  for (const id of nodes.get(row.target_node_id)?.accountableIds ?? []) {
    if (!recipients.has(id)) recipients.set(id, 'accountable');
  }
  const people = await db
    .selectFrom('people')
    .select(['id', 'email', 'deactivated_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...recipients.keys()])
    .execute();
  const title = `${row.title}: ${VERDICT_WORDS[change.to] ?? change.to}`;
  const link = `#/interventions/${row.id}`;
  await insertNotifications(
    db,
    people.map((p) => ({
      workspaceId,
      personId: p.id,
      kind: 'verdict',
      role: recipients.get(p.id)!,
      title,
      body: change.summary,
      link,
    })),
  );
  const deliveries: NewDelivery[] = people
    .filter((p) => p.deactivated_at === null)
    .map((p) => ({
      workspaceId,
      channel: 'email',
      target: p.email,
      eventType: VERDICT_WEBHOOK_EVENT,
      sourceKey: `verdict:${change.changeId}:${p.id}`,
      payload: { subject: title, text: `${change.summary}\n\nOpen it in Treeline: ${link}` },
    }));
  for (const endpoint of await webhookEndpointsFor(db, workspaceId, VERDICT_WEBHOOK_EVENT)) {
    deliveries.push({
      workspaceId,
      channel: 'webhook',
      target: endpoint.id,
      eventType: VERDICT_WEBHOOK_EVENT,
      sourceKey: `verdict:${change.changeId}`,
      payload: {
        body: {
          type: VERDICT_WEBHOOK_EVENT,
          interventionId: row.id,
          title: row.title,
          nodeId: change.nodeId,
          from: change.from,
          to: change.to,
          summary: change.summary,
        },
      },
    });
  }
  await enqueueDeliveries(db, deliveries);
}

/**
 * Recomputes the verdicts of the workspace's open interventions (or the given ones) and tells
 * people about each change of a target's verdict that replaces an earlier one, all in one
 * transaction. Idempotent: a rerun on unchanged data changes nothing and tells no one.
 *
 * @example const changes = await recomputeInterventionVerdicts(db, workspace);
 */
export async function recomputeInterventionVerdicts(
  db: Kysely<Database>,
  workspace: Ws,
  options: { interventionIds?: readonly string[]; now?: Date } = {},
): Promise<VerdictChange[]> {
  const now = options.now ?? new Date();
  return inTransaction(db, async (trx) => {
    let rows = await listInterventions(trx, workspace.id, { status: 'open' });
    if (options.interventionIds) rows = rows.filter((r) => options.interventionIds!.includes(r.id));
    const all: VerdictChange[] = [];
    for (const row of rows) {
      const changes = await recomputeRow(trx, workspace, row, now);
      for (const change of changes) {
        if (change.nodeId === row.target_node_id && change.from !== null) {
          await notifyVerdictChange(trx, workspace.id, row, change);
        }
      }
      all.push(...changes);
    }
    return all;
  });
}
