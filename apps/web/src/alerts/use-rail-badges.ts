/** The rail's counts: open alerts on the person's branches, unread notifications in the inbox. */
import type { Section } from '../components/LeftRail';
import { useScreenQuery } from '../server-data/use-screen-query';
import { inboxQuery, myBranchesQuery } from './alert-queries';

export function useRailBadges(): Partial<Record<Section, { count: number; label: string }>> {
  const inbox = useScreenQuery(inboxQuery());
  const mine = useScreenQuery(myBranchesQuery());
  const unread = inbox.data?.unread ?? 0;
  const open = (mine.data?.branches ?? []).reduce((sum, b) => sum + b.openAlerts, 0);
  return {
    inbox: { count: unread, label: `${unread} unread` },
    'my-branches': { count: open, label: `${open} open ${open === 1 ? 'alert' : 'alerts'}` },
  };
}
