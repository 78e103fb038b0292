/**
 * Reads and writes trees: the built-in metric catalog of a workspace, trees created from
 * templates or drafts, a tree's content replaced whole, a tree read as a draft, and a tree
 * loaded whole with its metrics for evaluation.
 */
import { randomUUID } from 'node:crypto';
import {
  type AlertRuleOverrides,
  AlertRuleOverridesSchema,
  BUILT_IN_METRICS,
  emptyRaci,
  type LoadedTree,
  type MetricDefinition,
  type NodeBand,
  type NodeRaci,
  type TreeDraft,
  type TreeDraftEdge,
  type TreeDraftNode,
  type TreeSummary,
  type TreeTemplate,
  treeDraftFromTemplate,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, RaciRole } from '../schema/database';
import { insertTreeRevision } from './tree-revision.repository';

/** Adds the built-in metrics a workspace lacks; leaves edited ones alone. */
export async function ensureBuiltInMetrics(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<void> {
  await db
    .insertInto('metrics')
    .values(
      BUILT_IN_METRICS.map((metric) => ({
        workspace_id: workspaceId,
        key: metric.key,
        name: metric.name,
        description: metric.description,
        unit: metric.unit,
        direction: metric.direction,
        kind: metric.kind,
        definition: JSON.stringify(metric.definition),
        built_in: true,
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
    .execute();
}

export interface NodeOwners {
  accountable: string;
  responsible?: string[];
  consulted?: string[];
  informed?: string[];
}

/**
 * Creates a tree from a template; `owners` maps template node refs to people ids. No
 * validation here (the tree service validates); records the tree's first revision.
 * Call it inside a transaction when the tree must appear whole or not at all.
 * @example const treeId = await createTreeFromTemplate(trx, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, owners);
 */
export async function createTreeFromTemplate(
  db: Kysely<Database>,
  workspaceId: string,
  template: TreeTemplate,
  owners: Record<string, NodeOwners> = {},
): Promise<string> {
  const draft = treeDraftFromTemplate(
    template,
    Object.fromEntries(
      Object.entries(owners).map(([ref, o]) => [
        ref,
        {
          accountable: [o.accountable],
          responsible: o.responsible ?? [],
          consulted: o.consulted ?? [],
          informed: o.informed ?? [],
        },
      ]),
    ),
  );
  const unknownRef = Object.keys(owners).find((ref) => !draft.nodes.some((n) => n.id === ref));
  if (unknownRef) throw new Error(`template ${template.key}: unknown node ref ${unknownRef}`);
  const { id } = await insertTreeDraft(db, workspaceId, draft, { templateKey: template.key });
  return id;
}

/**
 * Writes a new tree at version 1 with fresh ids for its nodes and edges (the draft's ids
 * are only references between them), and records its first revision. Returns the tree id
 * and the draft as stored.
 */
export async function insertTreeDraft(
  db: Kysely<Database>,
  workspaceId: string,
  draft: TreeDraft,
  options: { templateKey?: string | null } = {},
): Promise<{ id: string; draft: TreeDraft }> {
  await ensureBuiltInMetrics(db, workspaceId);
  const tree = await db
    .insertInto('trees')
    .values({
      workspace_id: workspaceId,
      name: draft.name,
      description: draft.description,
      template_key: options.templateKey ?? null,
      motion: draft.motion,
      outbound_window_days: draft.outboundWindowDays,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const stored = await writeTreeContent(db, workspaceId, tree.id, draft, new Set(), new Set());
  await insertTreeRevision(db, workspaceId, tree.id, tree.version, stored);
  return { id: tree.id, draft: stored };
}

/**
 * Replaces a tree's nodes, edges and RACI by the draft's: nodes whose id is already one of
 * `existingNodeIds` are updated in place (so what refers to them survives), the others are
 * inserted with fresh ids, nodes missing from the draft are deleted; edges and assignments
 * are rewritten. Returns the draft with the ids as stored. Run it in a transaction.
 */
export async function writeTreeContent(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
  draft: TreeDraft,
  existingNodeIds: ReadonlySet<string>,
  existingEdgeIds: ReadonlySet<string>,
): Promise<TreeDraft> {
  const metrics = await db
    .selectFrom('metrics')
    .select(['id', 'key'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const metricIds = new Map(metrics.map((m) => [m.key, m.id]));
  const metricIdOf = (key: string) => {
    const id = metricIds.get(key);
    if (!id) throw new Error(`tree ${treeId}: unknown metric ${key}`);
    return id;
  };
  const nodeIds = new Map(
    draft.nodes.map((node) => [node.id, existingNodeIds.has(node.id) ? node.id : randomUUID()]),
  );
  const idOf = (ref: string) => {
    const id = nodeIds.get(ref);
    if (!id) throw new Error(`tree ${treeId}: an edge refers to a missing node ${ref}`);
    return id;
  };
  const nodes: TreeDraftNode[] = draft.nodes.map((node) => ({
    ...node,
    id: idOf(node.id),
    raci: {
      accountable: [...new Set(node.raci.accountable)],
      responsible: [...new Set(node.raci.responsible)],
      consulted: [...new Set(node.raci.consulted)],
      informed: [...new Set(node.raci.informed)],
    },
  }));
  const edges: TreeDraftEdge[] = draft.edges.map((edge) => ({
    ...edge,
    id: existingEdgeIds.has(edge.id) ? edge.id : randomUUID(),
    parent: idOf(edge.parent),
    child: idOf(edge.child),
  }));

  const inTree = <T extends 'tree_edges' | 'tree_nodes'>(table: T) =>
    db
      .deleteFrom(table as 'tree_nodes')
      .where('workspace_id', '=', workspaceId)
      .where('tree_id', '=', treeId);
  await inTree('tree_edges').execute();
  await db
    .deleteFrom('node_assignments')
    .where('workspace_id', '=', workspaceId)
    .where('node_id', 'in', (qb) =>
      qb
        .selectFrom('tree_nodes')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('tree_id', '=', treeId),
    )
    .execute();
  const kept = nodes.filter((node) => existingNodeIds.has(node.id)).map((node) => node.id);
  await (kept.length > 0
    ? inTree('tree_nodes').where('id', 'not in', kept)
    : inTree('tree_nodes')
  ).execute();

  const row = (node: TreeDraftNode) => ({
    metric_id: metricIdOf(node.metricKey),
    label: node.label,
    filter: JSON.stringify(node.filter),
    position_x: node.position.x,
    position_y: node.position.y,
    target: node.band === null ? null : JSON.stringify(node.band),
    alert_rule: node.alertRule ? JSON.stringify(node.alertRule) : null,
  });
  for (const node of nodes.filter((n) => existingNodeIds.has(n.id))) {
    await db
      .updateTable('tree_nodes')
      .set(row(node))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', node.id)
      .execute();
  }
  const added = nodes.filter((n) => !existingNodeIds.has(n.id));
  if (added.length > 0) {
    await db
      .insertInto('tree_nodes')
      .values(
        added.map((node) => ({
          workspace_id: workspaceId,
          tree_id: treeId,
          id: node.id,
          ...row(node),
        })),
      )
      .execute();
  }
  if (edges.length > 0) {
    await db
      .insertInto('tree_edges')
      .values(
        edges.map((edge) => ({
          workspace_id: workspaceId,
          tree_id: treeId,
          id: edge.id,
          parent_node_id: edge.parent,
          child_node_id: edge.child,
          relation: edge.relation,
          role: edge.role,
          exponent: edge.exponent,
        })),
      )
      .execute();
  }
  const assignments = nodes.flatMap((node) =>
    RACI_ROLES.flatMap((role) =>
      node.raci[RACI_FIELD[role]].map((person) => ({
        workspace_id: workspaceId,
        node_id: node.id,
        person_id: person,
        role,
      })),
    ),
  );
  if (assignments.length > 0) await db.insertInto('node_assignments').values(assignments).execute();
  return { ...draft, nodes, edges };
}

const RACI_ROLES: readonly RaciRole[] = ['accountable', 'responsible', 'consulted', 'informed'];
const RACI_FIELD: Record<RaciRole, keyof NodeRaci> = {
  accountable: 'accountable',
  responsible: 'responsible',
  consulted: 'consulted',
  informed: 'informed',
};

/** A tree as stored: its draft, version and timestamps. */
export interface StoredTreeDraft {
  id: string;
  version: number;
  templateKey: string | null;
  createdAt: string;
  updatedAt: string;
  draft: TreeDraft;
}

/** A tree's edges in a stable order (shared by the draft and the evaluation reads). */
function selectTreeEdges(db: Kysely<Database>, workspaceId: string, treeId: string) {
  return db
    .selectFrom('tree_edges')
    .select(['id', 'parent_node_id', 'child_node_id', 'relation', 'role', 'exponent'])
    .where('workspace_id', '=', workspaceId)
    .where('tree_id', '=', treeId)
    .orderBy('id')
    .execute();
}

/** A tree's RACI assignments with each person's name, in a stable order. */
function selectTreeAssignments(db: Kysely<Database>, workspaceId: string, treeId: string) {
  return db
    .selectFrom('node_assignments')
    .innerJoin('tree_nodes', (join) =>
      join
        .onRef('tree_nodes.workspace_id', '=', 'node_assignments.workspace_id')
        .onRef('tree_nodes.id', '=', 'node_assignments.node_id'),
    )
    .innerJoin('people', (join) =>
      join
        .onRef('people.workspace_id', '=', 'node_assignments.workspace_id')
        .onRef('people.id', '=', 'node_assignments.person_id'),
    )
    .select([
      'node_assignments.node_id',
      'node_assignments.person_id',
      'node_assignments.role',
      'people.name',
    ])
    .where('node_assignments.workspace_id', '=', workspaceId)
    .where('tree_nodes.tree_id', '=', treeId)
    .orderBy('node_assignments.person_id')
    .execute();
}

/**
 * A tree read as a draft (nodes by canvas position, edges and RACI lists in a stable
 * order), or null when the workspace has no tree with that id.
 *
 * @example const stored = await readTreeDraft(db, ws.id, treeId); stored?.draft.nodes.length
 */
export async function readTreeDraft(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
): Promise<StoredTreeDraft | null> {
  const tree = await db
    .selectFrom('trees')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', treeId)
    .executeTakeFirst();
  if (!tree) return null;
  const [nodes, edges, assignments] = await Promise.all([
    db
      .selectFrom('tree_nodes')
      .innerJoin('metrics', (join) =>
        join
          .onRef('metrics.workspace_id', '=', 'tree_nodes.workspace_id')
          .onRef('metrics.id', '=', 'tree_nodes.metric_id'),
      )
      .select([
        'tree_nodes.id',
        'tree_nodes.label',
        'tree_nodes.filter',
        'tree_nodes.position_x',
        'tree_nodes.position_y',
        'tree_nodes.target',
        'tree_nodes.alert_rule',
        'metrics.key as metric_key',
      ])
      .where('tree_nodes.workspace_id', '=', workspaceId)
      .where('tree_nodes.tree_id', '=', treeId)
      .orderBy('tree_nodes.position_y')
      .orderBy('tree_nodes.position_x')
      .orderBy('tree_nodes.id')
      .execute(),
    selectTreeEdges(db, workspaceId, treeId),
    selectTreeAssignments(db, workspaceId, treeId),
  ]);
  return {
    id: tree.id,
    version: tree.version,
    templateKey: tree.template_key,
    createdAt: tree.created_at.toISOString(),
    updatedAt: tree.updated_at.toISOString(),
    draft: {
      name: tree.name,
      description: tree.description,
      motion: (tree.motion as TreeDraft['motion']) ?? null,
      outboundWindowDays: tree.outbound_window_days,
      nodes: nodes.map((node) => {
        const raci = emptyRaci();
        for (const a of assignments) {
          if (a.node_id === node.id) raci[RACI_FIELD[a.role]].push(a.person_id);
        }
        return {
          id: node.id,
          metricKey: node.metric_key,
          label: node.label,
          filter: node.filter as Record<string, string>,
          position: { x: node.position_x, y: node.position_y },
          band: (node.target as NodeBand | null) ?? null,
          raci,
          alertRule: storedAlertRule(node.alert_rule),
        };
      }),
      edges: edges.map((edge) => ({
        id: edge.id,
        parent: edge.parent_node_id,
        child: edge.child_node_id,
        relation: edge.relation,
        role: edge.role,
        exponent: edge.exponent === -1 ? -1 : 1,
      })),
    },
  };
}

/** Deletes a tree with its nodes, edges, RACI and revisions; false when there is none. */
export async function deleteTreeRow(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('trees')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', treeId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The trees of a workspace, newest first. */
export async function listTrees(db: Kysely<Database>, workspaceId: string): Promise<TreeSummary[]> {
  const rows = await db
    .selectFrom('trees')
    .leftJoin('tree_nodes', (join) =>
      join
        .onRef('tree_nodes.workspace_id', '=', 'trees.workspace_id')
        .onRef('tree_nodes.tree_id', '=', 'trees.id'),
    )
    .select((eb) => [
      'trees.id',
      'trees.name',
      'trees.description',
      'trees.template_key',
      'trees.updated_at',
      eb.fn.count<number>('tree_nodes.id').as('node_count'),
    ])
    .where('trees.workspace_id', '=', workspaceId)
    .groupBy([
      'trees.id',
      'trees.name',
      'trees.description',
      'trees.template_key',
      'trees.updated_at',
    ])
    .orderBy('trees.updated_at', 'desc')
    .orderBy('trees.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    templateKey: r.template_key,
    nodeCount: Number(r.node_count),
    updatedAt: r.updated_at.toISOString(),
  }));
}

/**
 * A node's stored alert rule; one that no longer fits the schema (written by an older
 * build) keeps the defaults rather than failing the whole tree.
 */
function storedAlertRule(value: unknown): AlertRuleOverrides | null {
  if (value === null || value === undefined) return null;
  const parsed = AlertRuleOverridesSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A whole tree, or null when the workspace has no tree with that id. */
export async function loadTree(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
): Promise<LoadedTree | null> {
  const tree = await db
    .selectFrom('trees')
    .select([
      'id',
      'name',
      'description',
      'version',
      'template_key',
      'motion',
      'outbound_window_days',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', treeId)
    .executeTakeFirst();
  if (!tree) return null;
  const [nodes, edges, assignments, metrics] = await Promise.all([
    db
      .selectFrom('tree_nodes')
      .select([
        'id',
        'label',
        'filter',
        'position_x',
        'position_y',
        'metric_id',
        'target',
        'alert_rule',
      ])
      .where('workspace_id', '=', workspaceId)
      .where('tree_id', '=', treeId)
      .orderBy('position_y')
      .orderBy('position_x')
      .execute(),
    selectTreeEdges(db, workspaceId, treeId),
    selectTreeAssignments(db, workspaceId, treeId),
    db
      .selectFrom('metrics')
      .select(['id', 'key', 'name', 'unit', 'direction', 'kind', 'definition'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
  ]);
  const metricsById = new Map(
    metrics.map((m) => [m.id, { ...m, definition: m.definition as MetricDefinition }] as const),
  );
  return {
    id: tree.id,
    name: tree.name,
    description: tree.description,
    version: tree.version,
    templateKey: tree.template_key,
    motion: tree.motion,
    outboundWindowDays: tree.outbound_window_days,
    nodes: nodes.map((n) => {
      const metric = metricsById.get(n.metric_id);
      if (!metric) throw new Error(`node ${n.id} references a missing metric ${n.metric_id}`);
      return {
        id: n.id,
        label: n.label,
        filter: n.filter as unknown as Record<string, string>,
        position: { x: n.position_x, y: n.position_y },
        band: (n.target as NodeBand | null) ?? null,
        alertRule: storedAlertRule(n.alert_rule),
        metric,
      };
    }),
    edges: edges.map((e) => ({
      id: e.id,
      parentNodeId: e.parent_node_id,
      childNodeId: e.child_node_id,
      relation: e.relation,
      role: e.role,
      exponent: e.exponent,
    })),
    assignments: assignments.map((a) => ({
      nodeId: a.node_id,
      personId: a.person_id,
      personName: a.name,
      role: a.role,
    })),
    metricsByKey: new Map([...metricsById.values()].map((m) => [m.key, m])),
  };
}
