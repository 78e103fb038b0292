/** The tree nodes an intervention names, as it needs them: metric, filter, unit, Accountable. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

export interface InterventionNode {
  id: string;
  label: string;
  metricKey: string;
  unit: string;
  filter: Record<string, string>;
  accountableIds: string[];
}

/** The nodes of the tree among `nodeIds`; a removed node is simply absent. */
export async function loadInterventionNodes(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
  nodeIds: readonly string[],
): Promise<Map<string, InterventionNode>> {
  if (nodeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tree_nodes as n')
    .innerJoin('metrics as m', (j) =>
      j.onRef('m.workspace_id', '=', 'n.workspace_id').onRef('m.id', '=', 'n.metric_id'),
    )
    .select(['n.id', 'n.label', 'n.filter', 'm.key', 'm.unit'])
    .where('n.workspace_id', '=', workspaceId)
    .where('n.tree_id', '=', treeId)
    .where('n.id', 'in', nodeIds)
    .execute();
  const accountable = await db
    .selectFrom('node_assignments')
    .select(['node_id', 'person_id'])
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'accountable')
    .where('node_id', 'in', nodeIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        label: r.label,
        metricKey: r.key,
        unit: r.unit,
        filter: r.filter as Record<string, string>,
        accountableIds: accountable.filter((a) => a.node_id === r.id).map((a) => a.person_id),
      },
    ]),
  );
}
