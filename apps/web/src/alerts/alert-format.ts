/**
 * How alerts read: good news and bad news worded apart, the link to the node in its period,
 * and whether the person may change an alert (and why not).
 */

import { paths } from '../routes/paths';
import type { Alert, MyBranches } from './alerts-api';

/** Good news and bad news are both alerts, said differently. */
export const TONE_LABEL = { good: 'Good news', bad: 'Needs attention' } as const;

export const STATUS_LABEL: Record<Alert['status'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
};

/**
 * A date inside the alert's period (its middle), so the tree opens on that period whatever
 * the workspace zone.
 *
 * @example periodDate({ periodStart: '2026-11-02T05:00:00Z', periodEnd: '2026-11-09T05:00:00Z' }) // '2026-11-05'
 */
export function periodDate(alert: Pick<Alert, 'periodStart' | 'periodEnd'>): string {
  const mid = (Date.parse(alert.periodStart) + Date.parse(alert.periodEnd)) / 2;
  return new Date(mid).toISOString().slice(0, 10);
}

const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
type KnownGrain = (typeof GRAINS)[number];
const isGrain = (grain: string): grain is KnownGrain =>
  (GRAINS as readonly string[]).includes(grain);

/** The node's tree at the alert's grain and period. */
export function alertTreePath(
  alert: Pick<Alert, 'treeId' | 'grain' | 'periodStart' | 'periodEnd'>,
) {
  return paths.tree(alert.treeId, {
    grain: isGrain(alert.grain) ? alert.grain : 'week',
    at: periodDate(alert),
    compare: 'previous',
    filter: null,
  });
}

/**
 * Why the person may not acknowledge, snooze or resolve the alert, or null when they may:
 * editors and admins change any alert, a viewer only those routed or escalated to them.
 */
export function changeRefusal(
  alert: Pick<Alert, 'accountableId' | 'escalatedTo'>,
  me: MyBranches['me'],
): string | null {
  if (!me) return 'Sign in as a person of the workspace to act on alerts.';
  if (me.role !== 'viewer') return null;
  if (alert.accountableId === me.id || alert.escalatedTo === me.id) return null;
  return "As a viewer you can act only on alerts routed to you; this one is another owner's. Ask them, or an editor.";
}

/** "W45 2026"-free short date of an ISO instant, e.g. "Nov 2". */
export function shortDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
