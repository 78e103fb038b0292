import { ArrowLeft, Gauge } from 'lucide-react';
import { useState } from 'react';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { TopBar } from '../components/TopBar';
import { metricsQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { MetricPageBody } from './MetricPageBody';
import { MetricPageControls } from './MetricPageControls';
import { DEFAULT_RANGE, type PageGrain } from './series-range';
import { useMetricPageSeries } from './use-metric-page-series';
import './metric-page.css';
import { useScreenQuery } from '../server-data/use-screen-query';

export function MetricPage({ metricKey, onBack }: { metricKey: string; onBack: () => void }) {
  const catalog = resourceOf(useScreenQuery(metricsQuery()));
  const [{ grain, count }, setRange] = useState<{ grain: PageGrain; count: number }>({
    grain: 'month',
    count: DEFAULT_RANGE.month,
  });
  const metric =
    catalog.status === 'success'
      ? (catalog.data.find((entry) => entry.key === metricKey) ?? null)
      : null;
  const series = useMetricPageSeries(metricKey, grain, count, metric !== null);
  const { loaded } = series;
  const last = loaded ? loaded.periods.length - 1 : -1;

  return (
    <>
      <TopBar
        treeName={metric ? metric.name : 'Metric'}
        period={loaded ? (loaded.periods[last] ?? null) : null}
        previousPeriod={loaded && last >= 1 ? (loaded.periods[last - 1] ?? null) : null}
        refreshing={series.series.status === 'success' && series.series.refreshing}
        controls={
          metric ? <MetricPageControls grain={grain} count={count} onChange={setRange} /> : null
        }
      />
      <main className="metric-page-main">
        <div className="mp">
          <button type="button" className="button button--small mp__back" onClick={onBack}>
            <ArrowLeft aria-hidden size={13} />
            All metrics
          </button>
          {catalog.status === 'loading' ? (
            <div role="status" className="mp__loading">
              <span className="visually-hidden">Loading the metric…</span>
              <SkeletonLine width="40%" height={20} />
              <SkeletonLine width="70%" />
              <SkeletonLine width="100%" height={220} />
            </div>
          ) : catalog.status === 'error' ? (
            <ProblemState problem={catalog.problem} onRetry={catalog.retry} />
          ) : !metric ? (
            <EmptyState icon={<Gauge size={28} />} title={`No metric “${metricKey}”`}>
              <p>
                It may have been deleted or renamed. Go back to <strong>All metrics</strong> and
                pick one from the catalog.
              </p>
            </EmptyState>
          ) : (
            <MetricPageBody
              metric={metric}
              catalog={catalog.data}
              series={series}
              grain={grain}
              count={count}
            />
          )}
        </div>
      </main>
    </>
  );
}
