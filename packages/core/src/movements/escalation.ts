/**
 * When an unacknowledged alert escalates, and to whom (docs/product.md §5): after a number
 * of working days (Monday to Friday in the workspace's time zone; 2 unless the tree says
 * otherwise), to the Accountable owner of the parent branch of the branch it was routed to.
 */
import { addDays, isoWeekday } from '../periods/civil-date';
import { localDateAt, startOfLocalDay } from '../periods/zoned-time';
import type { LoadedTree } from '../trees/loaded-tree';
import type { MovementRoute } from './route-movement';

export const DEFAULT_ESCALATION_WORKING_DAYS = 2;

/**
 * `from` plus `workingDays` working days, at the same local time of day: a Friday-afternoon
 * alert with 2 days escalates on Tuesday afternoon.
 *
 * @example workingDaysDeadline(new Date('2026-11-27T15:00:00Z'), 2, 'UTC') // 2026-12-01T15:00:00Z
 */
export function workingDaysDeadline(
  from: Date,
  workingDays = DEFAULT_ESCALATION_WORKING_DAYS,
  timeZone = 'UTC',
): Date {
  const ms = from.getTime();
  let date = localDateAt(ms, timeZone);
  const timeOfDay = ms - startOfLocalDay(date, timeZone);
  let left = workingDays;
  while (left > 0) {
    date = addDays(date, 1);
    if (isoWeekday(date) <= 5) left -= 1;
  }
  return new Date(startOfLocalDay(date, timeZone) + timeOfDay);
}

/**
 * Who an alert escalates to: the Accountable of the routed branch's parent on the route
 * (else its parent along an arithmetic edge, else along a driver edge), climbing further
 * while that is the person already alerted. null when nobody is above.
 *
 * @example escalationTarget(tree, route, priya) // { nodeId: root, personId: maya }
 */
export function escalationTarget(
  tree: Pick<LoadedTree, 'edges' | 'assignments'>,
  route: Pick<MovementRoute, 'routedNodeId' | 'path'>,
  alertedPersonId: string | null,
): { nodeId: string; personId: string } | null {
  const onPath = route.path.map((s) => s.nodeId);
  const parentOf = (nodeId: string): string | null => {
    const i = onPath.indexOf(nodeId);
    if (i > 0) return onPath[i - 1]!;
    const edges = tree.edges.filter((e) => e.childNodeId === nodeId);
    return (
      edges.find((e) => e.relation !== 'driver')?.parentNodeId ?? edges[0]?.parentNodeId ?? null
    );
  };
  const seen = new Set<string>([route.routedNodeId]);
  let node = parentOf(route.routedNodeId);
  while (node && !seen.has(node)) {
    seen.add(node);
    const accountable = tree.assignments.find((a) => a.nodeId === node && a.role === 'accountable');
    if (accountable && accountable.personId !== alertedPersonId) {
      return { nodeId: node, personId: accountable.personId };
    }
    node = parentOf(node);
  }
  return null;
}
