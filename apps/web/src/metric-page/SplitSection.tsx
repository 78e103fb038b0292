import { useId, useMemo, useState } from 'react';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import type { MetricEntry } from '../lib/api';
import { metricSeriesQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { NoData } from './NoData';
import { SplitFigures } from './SplitFigures';
import { SplitTableView } from './SplitTableView';
import { type PageGrain, seriesRange } from './series-range';
import { SPLIT_DIMENSION_LABELS, type SplitDimension } from './split-dimensions';
import { latestWithData, splitTable } from './split-rows';

export function SplitSection({
  metric,
  dimensions,
  numeratorName,
  grain,
  count,
}: {
  metric: MetricEntry;
  dimensions: SplitDimension[];
  /** A ratio's numerator, whose shares the pie shows when the rates do not add up. */
  numeratorName: string | null;
  grain: PageGrain;
  count: number;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<SplitDimension | null>(null);
  const dimension = chosen && dimensions.includes(chosen) ? chosen : (dimensions[0] ?? null);
  const split = resourceOf(
    useScreenQuery({
      ...metricSeriesQuery(metric.key, { grain, count, split: dimension }, () => ({
        ...seriesRange(grain, count, new Date()),
        grain,
        split: dimension,
      })),
      enabled: dimension !== null,
    }),
  );
  /** The chosen period's start; the latest period when none is chosen or it is not shown. */
  const [periodChoice, setPeriodChoice] = useState<string | null>(null);
  const loaded =
    split.status === 'success' &&
    split.data.metricKey === metric.key &&
    split.data.grain === grain &&
    split.data.splitBy === dimension
      ? split.data
      : null;
  const lastIndex = loaded ? loaded.periods.length - 1 : -1;
  const firstShown = Math.max(0, lastIndex - count + 1);
  const chosenIndex = loaded?.periods.findIndex((p) => p.start === periodChoice) ?? -1;
  const periodIndex =
    chosenIndex >= firstShown ? chosenIndex : loaded ? latestWithData(loaded, firstShown) : -1;
  const table = useMemo(
    () => (loaded ? splitTable(loaded, periodIndex) : null),
    [loaded, periodIndex],
  );
  const dimensionLabel = dimension ? SPLIT_DIMENSION_LABELS[dimension] : '';
  const period = loaded?.periods[periodIndex];
  const previous = loaded?.periods[periodIndex - 1];

  return (
    <section className="mp-card" aria-labelledby={`${id}-split`} data-testid="metric-split">
      <div className="mp-card__head">
        <h3 className="mp-card__title" id={`${id}-split`}>
          Split{dimension ? ` by ${dimensionLabel.toLowerCase()}` : ''}
        </h3>
        {dimensions.length > 0 ? (
          <>
            <span className="mp-field">
              <label htmlFor={`${id}-dimension`}>Split by</label>
              <select
                id={`${id}-dimension`}
                className="input input--small"
                value={dimension ?? ''}
                onChange={(event) => setChosen(event.target.value as SplitDimension)}
              >
                {dimensions.map((choice) => (
                  <option key={choice} value={choice}>
                    {SPLIT_DIMENSION_LABELS[choice]}
                  </option>
                ))}
              </select>
            </span>
            {loaded ? (
              <span className="mp-field">
                <label htmlFor={`${id}-period`}>Period</label>
                <select
                  id={`${id}-period`}
                  className="input input--small"
                  value={loaded.periods[periodIndex]?.start ?? ''}
                  onChange={(event) => setPeriodChoice(event.target.value)}
                >
                  {loaded.periods.slice(firstShown).map((choice) => (
                    <option key={choice.start} value={choice.start}>
                      {choice.label}
                      {choice.toDate ? ' (to date)' : ''}
                    </option>
                  ))}
                </select>
              </span>
            ) : null}
          </>
        ) : null}
      </div>
      {dimensions.length === 0 ? (
        <p className="mp-card__text">
          {metric.name} cannot be split by channel, source, segment, lifecycle stage or team: the
          data it reads carries none of them.
        </p>
      ) : split.status === 'error' ? (
        <ProblemState problem={split.problem} onRetry={split.retry} compact />
      ) : !table || !period ? (
        <div role="status" className="mp__loading">
          <span className="visually-hidden">Loading the split…</span>
          <SkeletonLine width="100%" height={160} />
        </div>
      ) : table.rows.length === 0 || table.rows.every((row) => row.amount === null) ? (
        <NoData>
          No data by {dimensionLabel.toLowerCase()} in {period.label}. Pick another period or
          dimension.
        </NoData>
      ) : (
        <div className={split.refreshing ? 'is-refreshing' : undefined}>
          <SplitFigures
            metric={metric}
            table={table}
            period={period}
            dimensionLabel={dimensionLabel}
            numeratorName={numeratorName}
          />
          <SplitTableView
            table={table}
            unit={metric.unit}
            dimensionLabel={dimensionLabel}
            numeratorName={numeratorName}
            periodLabel={period.label}
            previousLabel={previous?.label ?? null}
          />
        </div>
      )}
    </section>
  );
}
