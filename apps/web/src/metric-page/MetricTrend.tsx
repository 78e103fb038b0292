/**
 * The metric page's line over the last N periods, with each period's growth over the one
 * before as bars, and the same numbers as a table for those who read rather than look.
 */
import { useId } from 'react';
import { LazyMetricLineChart } from '../components/charts/lazy-charts';
import type { MetricEntry } from '../lib/api';
import { formatGrain, formatMetricValue, formatPercentChange } from '../lib/format';
import { type GrowthRow, hasNoData } from './growth-rows';
import { NoData } from './NoData';
import type { PageGrain } from './series-range';

export function MetricTrend({
  metric,
  rows,
  count,
  grain,
}: {
  metric: MetricEntry;
  rows: GrowthRow[];
  count: number;
  grain: PageGrain;
}) {
  const id = useId();
  return (
    <section className="mp-card" aria-labelledby={`${id}-trend`}>
      <h3 className="mp-card__title" id={`${id}-trend`}>
        Over the last {count} {grain}s
      </h3>
      {hasNoData(rows.map((row) => row.value)) ? (
        <NoData>
          No data for {metric.name.toLowerCase()} in the last {count} {grain}s. Import the data it
          counts (Data screen), or pick a longer range.
        </NoData>
      ) : (
        <figure className="mp-chart" data-testid="metric-line-chart">
          <figcaption className="visually-hidden">
            {metric.name} per {grain}, with the growth over the previous {grain} as bars
          </figcaption>
          <div aria-hidden="true">
            <LazyMetricLineChart
              rows={rows}
              unit={metric.unit}
              height={260}
              showGrowth
              name={metric.name}
            />
          </div>
          <details className="mp-chart__table">
            <summary>Show as a table</summary>
            <table className="mp-table">
              <thead>
                <tr>
                  <th scope="col">{formatGrain(grain)}</th>
                  <th scope="col" className="mp-table__num">
                    Value
                  </th>
                  <th scope="col" className="mp-table__num">
                    Growth
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.periodStart}>
                    <th scope="row">
                      {row.label}
                      {row.toDate ? <span className="is-muted"> (to date)</span> : null}
                    </th>
                    <td className={`mp-table__num${row.value === null ? ' is-empty' : ''}`}>
                      {formatMetricValue(row.value, metric.unit)}
                    </td>
                    <td className={`mp-table__num${row.growth === null ? ' is-empty' : ''}`}>
                      {formatPercentChange(row.growth)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      )}
    </section>
  );
}
