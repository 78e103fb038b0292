/**
 * One intervention: its verdict in colour and one plain sentence, the weekly series of the
 * treated and comparison scopes with the start marked, the effect with its interval, every
 * check, the outcome nodes' verdicts and the verdict's history. Editors edit or close it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MetricUnit } from '@treeline/core';
import { ArrowLeft, FlaskConical } from 'lucide-react';
import { Link } from 'wouter';
import { ScreenLoading } from '../alerts/ScreenLoading';
import { LazyInterventionChart } from '../components/charts/lazy-charts';
import { ViewOnlyNote } from '../components/EditGuard';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { formatMetricValue } from '../lib/format';
import { paths } from '../routes/paths';
import { treesQuery } from '../server-data/queries';
import { useScreenQuery } from '../server-data/use-screen-query';
import { FormProblem } from '../session/FormProblem';
import { usePermission } from '../session/workspace-scope';
import { formatDay, formatSpan } from './format-dates';
import { interventionKeys, interventionQuery } from './intervention-queries';
import { interventionsApi } from './interventions-api';
import { VerdictChip } from './VerdictChip';
import { VerdictFigures } from './VerdictFigures';
import { VERDICT_LABELS } from './verdict-words';

export function InterventionScreen({ interventionId }: { interventionId: string }) {
  const detail = useScreenQuery(interventionQuery(interventionId));
  const trees = useQuery(treesQuery());
  const edit = usePermission('editor');
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: () => interventionsApi.close(interventionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: interventionKeys.all() }),
  });
  if (detail.isPending) return <ScreenLoading label="Loading the intervention" />;
  if (detail.isError)
    return <ProblemState problem={toProblem(detail.error)} onRetry={() => void detail.refetch()} />;
  const { intervention: i, series, history } = detail.data;
  const unit = (series?.unit ?? 'ratio') as MetricUnit;
  const treeName = trees.data?.find((t) => t.id === i.treeId)?.name;
  const result = i.target.result;
  return (
    <section className="alerts-screen intervention-screen" aria-labelledby="intervention-title">
      <Link href={paths.interventions()} className="back-link">
        <ArrowLeft aria-hidden size={14} /> All interventions
      </Link>
      <header className="alerts-screen__head">
        <div>
          <h1 id="intervention-title">
            {i.title} <VerdictChip result={result} withReason />
          </h1>
          <p className="alerts-screen__sub">
            Targets{' '}
            <Link href={paths.tree(i.treeId)}>
              {i.target.label}
              {treeName ? ` in ${treeName}` : ''}
            </Link>
            {i.target.removed ? ' (removed from its tree)' : ''} · expected to go{' '}
            {i.expectedDirection}, by at least {formatMetricValue(i.mde, unit)} a week ·{' '}
            {i.treatedLabel}
            {i.comparisonLabel
              ? ` against ${i.comparisonLabel}`
              : ', against its own earlier trend'}{' '}
            · {i.ownerName} · {formatSpan(i.startsOn, i.endsOn)}
            {i.status === 'closed' ? ' · closed' : ''}
          </p>
        </div>
        {edit.allowed ? (
          <div className="intervention-screen__actions">
            <Link href={paths.editIntervention(i.id)} className="button">
              Edit
            </Link>
            {i.status === 'open' ? (
              <button
                type="button"
                className="button"
                disabled={close.isPending}
                onClick={() => close.mutate()}
                title="Keep its verdicts and stop recomputing them"
              >
                {close.isPending ? 'Closing…' : 'Close'}
              </button>
            ) : null}
          </div>
        ) : (
          <ViewOnlyNote />
        )}
      </header>
      <FormProblem problem={close.error ? toProblem(close.error) : null} />
      {i.target.summary ? (
        <p
          className={`verdict-sentence verdict-sentence--${result?.verdict ?? 'none'}`}
          data-testid="verdict-sentence"
        >
          {i.target.summary}
        </p>
      ) : null}
      {i.description ? <p className="intervention-screen__description">{i.description}</p> : null}
      <article className="intervention-panel">
        <h2>
          {i.target.label}, weekly: {i.treatedLabel}
          {i.comparisonLabel ? ` and ${i.comparisonLabel}` : ''}
        </h2>
        {series && series.periods.length > 0 ? (
          <div data-testid="intervention-chart">
            <LazyInterventionChart
              periods={series.periods}
              treated={series.treated}
              comparison={series.comparison}
              startIndex={series.startIndex}
              unit={unit}
              treatedLabel={i.treatedLabel}
              comparisonLabel={i.comparisonLabel}
              startLabel={formatDay(i.startsOn)}
              height={260}
            />
          </div>
        ) : (
          <EmptyState icon={<FlaskConical size={24} />} title="No weekly series to show">
            {series
              ? 'No finished week holds data for this scope yet. Import data for the weeks around the start (Data in the rail); the chart fills as weeks finish.'
              : 'The target node was removed from its tree, so its series is no longer read; the last verdict is kept.'}
          </EmptyState>
        )}
      </article>
      {result ? (
        <article className="intervention-panel">
          <h2>Estimated effect on {i.target.label}</h2>
          <VerdictFigures result={result} mde={i.mde} unit={unit} />
        </article>
      ) : null}
      {i.outcomes.length > 0 ? (
        <article className="intervention-panel">
          <h2>Downstream outcomes</h2>
          <ul className="outcome-list">
            {i.outcomes.map((o) => (
              <li key={o.nodeId}>
                <span className="outcome-list__label">{o.label}</span>
                <VerdictChip result={o.result} withReason />
                {o.summary ? <p>{o.summary}</p> : null}
              </li>
            ))}
          </ul>
        </article>
      ) : null}
      {history.length > 0 ? (
        <article className="intervention-panel">
          <h2>Verdict history</h2>
          <ol className="verdict-history">
            {history.map((h) => (
              <li key={`${h.nodeId}:${h.changedAt}`}>
                <time dateTime={h.changedAt}>{formatDay(h.changedAt)}</time>{' '}
                {h.fromVerdict ? `${VERDICT_LABELS[h.fromVerdict]} → ` : ''}
                <strong>{VERDICT_LABELS[h.toVerdict]}</strong>: {h.summary}
              </li>
            ))}
          </ol>
        </article>
      ) : null}
    </section>
  );
}
