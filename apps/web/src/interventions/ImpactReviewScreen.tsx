/**
 * The impact review: what worked (verified), what did not (not verified) and what is still
 * open (inconclusive or not computed yet), each with its effect on the target node and on
 * its downstream outcomes, newest start first, narrowed by verdict, branch and owner.
 */
import type { Intervention, Verdict } from '@treeline/core';
import { Scale } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { ScreenLoading } from '../alerts/ScreenLoading';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { paths } from '../routes/paths';
import { useScreenQuery } from '../server-data/use-screen-query';
import { usePermission } from '../session/workspace-scope';
import { formatSpan } from './format-dates';
import { InterventionFilters } from './InterventionFilters';
import { NO_PICKS, pickInterventions } from './intervention-filters';
import { interventionsQuery } from './intervention-queries';
import { VerdictChip } from './VerdictChip';
import { VERDICT_GROUPS, VERDICT_LABELS } from './verdict-words';

const GROUPS: Verdict[] = ['verified', 'not_verified', 'inconclusive'];

const groupOf = (i: Intervention): Verdict => i.target.result?.verdict ?? 'inconclusive';

export function ImpactReviewScreen() {
  const list = useScreenQuery(interventionsQuery());
  const edit = usePermission('editor');
  const [picks, setPicks] = useState(NO_PICKS);
  if (list.isPending) return <ScreenLoading label="Loading the impact review" />;
  if (list.isError)
    return <ProblemState problem={toProblem(list.error)} onRetry={() => void list.refetch()} />;
  const shown = pickInterventions(list.data, picks);
  return (
    <section className="alerts-screen" aria-labelledby="review-title">
      <header className="alerts-screen__head">
        <div>
          <h1 id="review-title">Impact review</h1>
          <p className="alerts-screen__sub">
            What worked, what did not, and what is still open, on each target and its outcomes.
          </p>
        </div>
      </header>
      {list.data.length === 0 ? (
        <EmptyState icon={<Scale size={28} />} title="Nothing to review yet">
          <p>
            The review fills as interventions are logged: each is checked every week against its
            comparison and sorted into what worked, what did not and what is still open.
          </p>
          <p>
            {edit.allowed ? (
              <Link href={paths.newIntervention()}>Log an intervention</Link>
            ) : (
              'Ask an editor to log the changes your teams make.'
            )}
          </p>
        </EmptyState>
      ) : (
        <>
          <InterventionFilters list={list.data} picks={picks} onChange={setPicks} />
          <div className="review-counts" role="status">
            {GROUPS.map((g) => (
              <span
                key={g}
                className={`verdict-chip verdict-chip--${g === 'verified' ? 'good' : g === 'not_verified' ? 'bad' : 'open'}`}
              >
                {shown.filter((i) => groupOf(i) === g).length} {VERDICT_LABELS[g].toLowerCase()}
              </span>
            ))}
          </div>
          {GROUPS.map((group) => {
            const inGroup = shown.filter((i) => groupOf(i) === group);
            return (
              <section
                key={group}
                className="review-group"
                aria-labelledby={`review-${group}`}
                data-testid={`review-${group}`}
              >
                <h2 id={`review-${group}`}>
                  {VERDICT_GROUPS[group]}{' '}
                  <span className="review-group__count">{inGroup.length}</span>
                </h2>
                {inGroup.length === 0 ? (
                  <p className="review-group__none">
                    {group === 'verified'
                      ? 'None verified yet. A verdict needs 6 weeks before the start and 4 after.'
                      : group === 'not_verified'
                        ? 'Nothing has been shown not to work.'
                        : 'Nothing open.'}
                  </p>
                ) : (
                  <ul className="review-list">
                    {inGroup.map((i) => (
                      <ReviewCard key={i.id} intervention={i} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </>
      )}
    </section>
  );
}

function ReviewCard({ intervention: i }: { intervention: Intervention }) {
  return (
    <li className="review-card" data-testid="review-card">
      <header className="review-card__head">
        <Link href={paths.intervention(i.id)} className="intervention-row__title">
          {i.title}
        </Link>
        <span className="intervention-row__meta">
          {i.ownerName} · {formatSpan(i.startsOn, i.endsOn)}
          {i.status === 'closed' ? ' · closed' : ''}
        </span>
      </header>
      <ul className="review-card__nodes">
        {[
          { ...i.target, role: 'Target' },
          ...i.outcomes.map((o) => ({ ...o, role: 'Outcome' })),
        ].map((node) => (
          <li key={node.nodeId}>
            <span className="review-card__node">
              <span className="review-card__role">{node.role}</span> {node.label}
            </span>
            <VerdictChip result={node.result} withReason />
            {node.summary ? <p>{node.summary}</p> : null}
          </li>
        ))}
      </ul>
    </li>
  );
}
