/**
 * The open-alert badge on a node card: how many alerts of this node still want attention,
 * red for bad news, green when they are all good news. One query per tree feeds every card.
 */
import { useQuery } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { alertsQuery } from './alert-queries';

export function NodeAlertBadge({ treeId, nodeId }: { treeId: string; nodeId: string }) {
  const open = useQuery({ ...alertsQuery({ treeId, open: true }), staleTime: 30_000 });
  const mine = (open.data ?? []).filter((a) => a.nodeId === nodeId);
  if (mine.length === 0) return null;
  const good = mine.every((a) => a.tone === 'good');
  const label = `${mine.length} open ${mine.length === 1 ? 'alert' : 'alerts'}${good ? ' (good news)' : ''}`;
  return (
    <span
      className={`node-alert-badge${good ? ' node-alert-badge--good' : ''}`}
      title={label}
      role="img"
      aria-label={label}
      data-testid="node-alert-badge"
    >
      <BellRing aria-hidden size={11} strokeWidth={2.25} />
      {mine.length}
    </span>
  );
}
