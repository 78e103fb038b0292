/**
 * Reads and writes trees: the built-in metric catalog of a workspace, trees created from
 * templates, and a tree loaded whole (nodes with their metrics, edges, RACI).
 */
import {
  BUILT_IN_METRICS,
  type MetricDefinition,
  type TreeSummary,
  type TreeTemplate,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, RaciRole } from '../schema/database';

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
 * Creates a tree from a template; `owners` maps template node refs to people ids.
 * Call it inside a transaction when the tree must appear whole or not at all.
 * @example const treeId = await createTreeFromTemplate(trx, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, owners);
 */
export async function createTreeFromTemplate(
  db: Kysely<Database>,
  workspaceId: string,
  template: TreeTemplate,
  owners: Record<string, NodeOwners> = {},
): Promise<string> {
  await ensureBuiltInMetrics(db, workspaceId);
  const metrics = await db
    .selectFrom('metrics')
    .select(['id', 'key'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const metricIds = new Map(metrics.map((m) => [m.key, m.id]));
  const tree = await db
    .insertInto('trees')
    .values({
      workspace_id: workspaceId,
      name: template.name,
      description: template.description,
      template_key: template.key,
      motion: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const nodeIds = new Map<string, string>();
  for (const node of template.nodes) {
    const metricId = metricIds.get(node.metricKey);
    if (!metricId) throw new Error(`template ${template.key}: unknown metric ${node.metricKey}`);
    const row = await db
      .insertInto('tree_nodes')
      .values({
        workspace_id: workspaceId,
        tree_id: tree.id,
        metric_id: metricId,
        label: node.label,
        filter: JSON.stringify(node.filter ?? {}),
        position_x: node.position.x,
        position_y: node.position.y,
        target: null,
        alert_rule: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    nodeIds.set(node.ref, row.id);
  }
  const idOf = (ref: string) => {
    const id = nodeIds.get(ref);
    if (!id) throw new Error(`template ${template.key}: unknown node ref ${ref}`);
    return id;
  };
  if (template.edges.length > 0) {
    await db
      .insertInto('tree_edges')
      .values(
        template.edges.map((edge) => ({
          workspace_id: workspaceId,
          tree_id: tree.id,
          parent_node_id: idOf(edge.parent),
          child_node_id: idOf(edge.child),
          relation: edge.relation,
          role: edge.role ?? null,
          exponent: edge.exponent ?? 1,
        })),
      )
      .execute();
  }
  const assignments = Object.entries(owners).flatMap(([ref, o]) => {
    const nodeId = idOf(ref);
    const rows: Array<{
      workspace_id: string;
      node_id: string;
      person_id: string;
      role: RaciRole;
    }> = [
      { workspace_id: workspaceId, node_id: nodeId, person_id: o.accountable, role: 'accountable' },
    ];
    for (const [role, people] of [
      ['responsible', o.responsible],
      ['consulted', o.consulted],
      ['informed', o.informed],
    ] as const) {
      for (const person of people ?? [])
        rows.push({ workspace_id: workspaceId, node_id: nodeId, person_id: person, role });
    }
    return rows;
  });
  if (assignments.length > 0) await db.insertInto('node_assignments').values(assignments).execute();
  return tree.id;
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

export interface LoadedNode {
  id: string;
  label: string;
  filter: Record<string, string>;
  position: { x: number; y: number };
  metric: {
    id: string;
    key: string;
    name: string;
    unit: Database['metrics']['unit'];
    direction: Database['metrics']['direction'];
    kind: Database['metrics']['kind'];
    definition: MetricDefinition;
  };
}

export interface LoadedTree {
  id: string;
  name: string;
  description: string;
  version: number;
  templateKey: string | null;
  nodes: LoadedNode[];
  edges: Array<{
    id: string;
    parentNodeId: string;
    childNodeId: string;
    relation: Database['tree_edges']['relation'];
    role: 'numerator' | 'denominator' | null;
    exponent: number;
  }>;
  assignments: Array<{ nodeId: string; personId: string; personName: string; role: RaciRole }>;
  /** Metrics of the workspace by key, for resolving ratio and formula references. */
  metricsByKey: Map<string, LoadedNode['metric']>;
}

/** A whole tree, or null when the workspace has no tree with that id. */
export async function loadTree(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
): Promise<LoadedTree | null> {
  const tree = await db
    .selectFrom('trees')
    .select(['id', 'name', 'description', 'version', 'template_key'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', treeId)
    .executeTakeFirst();
  if (!tree) return null;
  const [nodes, edges, assignments, metrics] = await Promise.all([
    db
      .selectFrom('tree_nodes')
      .select(['id', 'label', 'filter', 'position_x', 'position_y', 'metric_id'])
      .where('workspace_id', '=', workspaceId)
      .where('tree_id', '=', treeId)
      .orderBy('position_y')
      .orderBy('position_x')
      .execute(),
    db
      .selectFrom('tree_edges')
      .select(['id', 'parent_node_id', 'child_node_id', 'relation', 'role', 'exponent'])
      .where('workspace_id', '=', workspaceId)
      .where('tree_id', '=', treeId)
      .execute(),
    db
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
      .execute(),
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
    nodes: nodes.map((n) => {
      const metric = metricsById.get(n.metric_id);
      if (!metric) throw new Error(`node ${n.id} references a missing metric ${n.metric_id}`);
      return {
        id: n.id,
        label: n.label,
        filter: n.filter as unknown as Record<string, string>,
        position: { x: n.position_x, y: n.position_y },
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
