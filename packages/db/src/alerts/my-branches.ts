/**
 * Each person's branches: the nodes they are Accountable or Responsible for, across the
 * workspace's trees, with the value and change of the latest complete week (from the same
 * tree views the canvas shows, cached alike), the status against the node's band and the
 * open alerts. Interventions come later; the slot is there and empty.
 */
import type { MyBranch, MyBranches, TreeView } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../schema/database';
import { cachedTreeView, type TreeViewCache } from '../trees/cached-tree-view';
import { openAlertCounts } from './alert.repository';

/** @example const { branches } = await listMyBranches(db, workspace, person.id, { cache }); */
export async function listMyBranches(
  db: Kysely<Database>,
  workspace: Workspace,
  personId: string,
  options: { now?: Date; cache?: TreeViewCache } = {},
): Promise<Omit<MyBranches, 'me'>> {
  const now = options.now ?? new Date();
  const assignments = await db
    .selectFrom('node_assignments as a')
    .innerJoin('tree_nodes as n', (j) =>
      j.onRef('n.workspace_id', '=', 'a.workspace_id').onRef('n.id', '=', 'a.node_id'),
    )
    .innerJoin('trees as t', (j) =>
      j.onRef('t.workspace_id', '=', 'n.workspace_id').onRef('t.id', '=', 'n.tree_id'),
    )
    .select(['n.tree_id', 't.name as tree_name', 'a.node_id', 'a.role'])
    .where('a.workspace_id', '=', workspace.id)
    .where('a.person_id', '=', personId)
    .where('a.role', 'in', ['accountable', 'responsible'])
    .orderBy('t.name')
    .execute();
  const trees = new Map<string, { name: string; roles: Map<string, Set<MyBranch['roles'][0]>> }>();
  for (const a of assignments) {
    const tree = trees.get(a.tree_id) ?? { name: a.tree_name, roles: new Map() };
    trees.set(a.tree_id, tree);
    const roles = tree.roles.get(a.node_id) ?? new Set();
    roles.add(a.role === 'accountable' ? 'accountable' : 'responsible');
    tree.roles.set(a.node_id, roles);
  }
  const branches: MyBranch[] = [];
  let period: TreeView['period'] | null = null;
  for (const [treeId, tree] of trees) {
    const view = await cachedTreeView(
      db,
      workspace,
      treeId,
      { grain: 'week', now },
      ...(options.cache ? [options.cache] : []),
    );
    if (!view) continue;
    period ??= view.period;
    const open = await openAlertCounts(db, workspace.id, treeId, now);
    for (const node of view.nodes) {
      const roles = tree.roles.get(node.id);
      if (!roles) continue;
      branches.push({
        treeId,
        treeName: tree.name,
        nodeId: node.id,
        label: node.label,
        metricName: node.metricName,
        unit: node.unit,
        direction: node.direction,
        roles: (['accountable', 'responsible'] as const).filter((r) => roles.has(r)),
        value: node.value,
        previousValue: node.previousValue,
        change: node.change,
        status: node.band?.status ?? null,
        bandKind: node.band?.kind ?? null,
        error: node.error,
        openAlerts: open.get(node.id) ?? 0,
        interventions: [],
      });
    }
  }
  // Accountable first, then by tree and label: what needs the person most comes first.
  branches.sort(
    (a, b) =>
      Number(b.roles.includes('accountable')) - Number(a.roles.includes('accountable')) ||
      b.openAlerts - a.openAlerts ||
      a.treeName.localeCompare(b.treeName) ||
      a.label.localeCompare(b.label),
  );
  return { period, branches };
}
