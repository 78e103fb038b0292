/**
 * The interventions logged in the demo workspace: Team A's tightened call cadence (the change
 * the demo data plants, docs/product.md §6), judged against the other teams, and a placebo on
 * a team whose data did not change, judged against the unchanged teams of its segment, which
 * must never come out verified.
 */
import type { Kysely } from 'kysely';
import { createIntervention } from '../interventions/intervention.service';
import type { Database, Workspace } from '../schema/database';
import { CADENCE_CHANGE_TEAM, type DemoCadenceChange } from './demo-cadence-change';

export const DEMO_CADENCE_INTERVENTION = 'Tightened call cadence';
export const DEMO_PLACEBO_INTERVENTION = 'New call script (placebo)';

/**
 * Logs both on the tree's "Calls per contact" node, owned by `ownerId`, verdicts computed as
 * of `now`. Needs at least three teams (the placebo compares two unchanged ones); with fewer
 * only the cadence intervention is logged.
 */
export async function seedDemoInterventions(
  db: Kysely<Database>,
  workspace: Workspace,
  options: { treeId: string; ownerId: string; change: DemoCadenceChange; now: Date },
): Promise<void> {
  const node = await db
    .selectFrom('tree_nodes as n')
    .innerJoin('metrics as m', (j) =>
      j.onRef('m.workspace_id', '=', 'n.workspace_id').onRef('m.id', '=', 'n.metric_id'),
    )
    .select(['n.id', 'n.filter'])
    .where('n.workspace_id', '=', workspace.id)
    .where('n.tree_id', '=', options.treeId)
    .where('m.key', '=', 'activity_per_contact')
    .execute();
  const calls = node.find((n) => (n.filter as Record<string, string>).channel === 'call');
  if (!calls) throw new Error('the demo tree has no calls-per-contact node');
  const teams = await db
    .selectFrom('reps')
    .select(['team', 'segment'])
    .distinct()
    .where('workspace_id', '=', workspace.id)
    .where('team', 'is not', null)
    .orderBy('team')
    .execute();
  const common = {
    treeId: options.treeId,
    targetNodeId: calls.id,
    ownerId: options.ownerId,
    startsOn: options.change.date,
    endsOn: null,
    expectedDirection: 'up' as const,
    mde: 0.1,
    outcomeNodeIds: [],
  };
  await createIntervention(
    db,
    workspace,
    {
      ...common,
      title: DEMO_CADENCE_INTERVENTION,
      description: `${CADENCE_CHANGE_TEAM} reps call every open contact on a tighter schedule.`,
      treatedScope: { dimension: 'team', values: [CADENCE_CHANGE_TEAM] },
      comparisonScope: { dimension: 'team', values: null },
    },
    null,
    options.now,
  );
  // The placebo compares like with like: an unchanged team against the other unchanged teams
  // of the same rep segment (segments sell differently), or all other unchanged teams.
  const unchanged = teams.filter((t) => t.team !== CADENCE_CHANGE_TEAM);
  const treated =
    unchanged.find((t) => unchanged.some((o) => o.team !== t.team && o.segment === t.segment)) ??
    unchanged[0];
  if (!treated || unchanged.length < 2) return;
  const sameSegment = unchanged.filter(
    (o) => o.team !== treated.team && o.segment === treated.segment,
  );
  const comparison = (sameSegment.length > 0 ? sameSegment : unchanged)
    .map((o) => o.team!)
    .filter((team) => team !== treated.team);
  await createIntervention(
    db,
    workspace,
    {
      ...common,
      title: DEMO_PLACEBO_INTERVENTION,
      description: `${treated.team} tried a new call script; nothing else about its calling changed.`,
      treatedScope: { dimension: 'team', values: [treated.team!] },
      comparisonScope: { dimension: 'team', values: comparison },
    },
    null,
    options.now,
  );
}
