/** One intervention in the list: title, target, who, when, scope and the target's verdict. */
import type { Intervention } from '@treeline/core';
import { Link } from 'wouter';
import { paths } from '../routes/paths';
import { formatSpan } from './format-dates';
import { VerdictChip } from './VerdictChip';

export function InterventionRow({
  intervention: i,
  treeName,
}: {
  intervention: Intervention;
  treeName: string | undefined;
}) {
  return (
    <li className="intervention-row" data-testid="intervention-row">
      <div className="intervention-row__main">
        <Link href={paths.intervention(i.id)} className="intervention-row__title">
          {i.title}
        </Link>
        <p className="intervention-row__meta">
          {i.target.label}
          {treeName ? ` in ${treeName}` : ''} · {i.treatedLabel}
          {i.comparisonLabel ? ` against ${i.comparisonLabel}` : ''} · {i.ownerName} ·{' '}
          {formatSpan(i.startsOn, i.endsOn)}
          {i.status === 'closed' ? ' · closed' : ''}
        </p>
        {i.target.summary ? <p className="intervention-row__summary">{i.target.summary}</p> : null}
      </div>
      <VerdictChip result={i.target.result} withReason />
    </li>
  );
}
