/**
 * The small flag on a node card whose node an intervention targets: a flask coloured by the
 * newest intervention's verdict, linking to it (with how many when there are several). One
 * query per tree feeds every card.
 */
import { useQuery } from '@tanstack/react-query';
import { FlaskConical } from 'lucide-react';
import { Link } from 'wouter';
import { paths } from '../routes/paths';
import { interventionsQuery } from './intervention-queries';
import { VERDICT_LABELS, verdictTone } from './verdict-words';

export function NodeInterventionFlag({ treeId, nodeId }: { treeId: string; nodeId: string }) {
  const list = useQuery({ ...interventionsQuery({ treeId }), staleTime: 30_000 });
  const mine = (list.data ?? []).filter((i) => i.target.nodeId === nodeId);
  const newest = mine[0];
  if (!newest) return null;
  const verdict = newest.target.result?.verdict;
  const label = `Intervention: ${newest.title} (${verdict ? VERDICT_LABELS[verdict] : 'not computed'})${
    mine.length > 1 ? ` and ${mine.length - 1} more` : ''
  }`;
  return (
    <Link
      href={paths.intervention(newest.id)}
      className={`intervention-flag intervention-flag--${verdictTone(verdict)} nodrag`}
      title={label}
      aria-label={label}
      data-testid="node-intervention-flag"
      onClick={(event) => event.stopPropagation()}
    >
      <FlaskConical aria-hidden size={11} strokeWidth={2.25} />
      {mine.length > 1 ? mine.length : null}
    </Link>
  );
}
