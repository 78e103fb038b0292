/**
 * The metric page's summary: the current period against the previous one with the change,
 * and net new for a stock or the range's total for a flow.
 */
import type { MetricEntry } from '../lib/api';
import { formatMetricValue, formatPercentChange, formatSignedMetricValue } from '../lib/format';
import type { summarizeSeries } from './metric-summary';
import type { PageGrain } from './series-range';

export function MetricSummary({
  metric,
  summary,
  count,
  grain,
}: {
  metric: MetricEntry;
  summary: ReturnType<typeof summarizeSeries>;
  count: number;
  grain: PageGrain;
}) {
  return (
    <section className="mp-summary" aria-label="Summary" data-testid="metric-summary">
      <SummaryCard
        term={`Current${summary.period ? ` · ${summary.period.label}` : ''}${summary.period?.toDate ? ' (to date)' : ''}`}
        value={formatMetricValue(summary.current, metric.unit)}
        empty={summary.current === null}
        testId="summary-current"
      />
      <SummaryCard
        term={`Previous${summary.previousPeriod ? ` · ${summary.previousPeriod.label}` : ''}`}
        value={formatMetricValue(summary.previous, metric.unit)}
        empty={summary.previous === null}
        testId="summary-previous"
      />
      <SummaryCard
        term="Change"
        value={formatSignedMetricValue(summary.changeAbsolute, metric.unit)}
        detail={
          summary.changeAbsolute === null ? undefined : formatPercentChange(summary.changePercent)
        }
        empty={summary.changeAbsolute === null}
        testId="summary-change"
      />
      {summary.netNew !== undefined ? (
        <SummaryCard
          term="Net new this period"
          value={formatSignedMetricValue(summary.netNew, metric.unit)}
          detail="the period's change of the total"
          empty={summary.netNew === null}
          testId="summary-net-new"
        />
      ) : summary.rangeTotal !== undefined ? (
        <SummaryCard
          term={`Total, last ${count} ${grain}s`}
          value={formatMetricValue(summary.rangeTotal, metric.unit)}
          empty={summary.rangeTotal === null}
          testId="summary-range-total"
        />
      ) : null}
    </section>
  );
}

function SummaryCard({
  term,
  value,
  detail,
  empty,
  testId,
}: {
  term: string;
  value: string;
  detail?: string;
  empty: boolean;
  testId: string;
}) {
  return (
    <div className="mp-summary__card" data-testid={testId}>
      <p className="mp-summary__term">{term}</p>
      <p className={`mp-summary__value${empty ? ' is-empty' : ''}`}>{value}</p>
      {detail ? <p className="mp-summary__detail">{detail}</p> : null}
    </div>
  );
}
