/**
 * The charts, loaded on first use: recharts is only fetched when a chart is on screen, so
 * the canvas's first load stays small. Each wrapper shows a quiet placeholder (or the
 * caller's fallback, e.g. the sparkline) while the chart module loads, and a note instead
 * of the chart if it cannot load (e.g. a new version was deployed since the page opened).
 */
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { SkeletonLine } from '../Skeleton';
import './charts.css';
import type { InterventionChartProps } from './InterventionChart';
import type { MetricLineChartProps } from './MetricLineChart';
import type { SplitBarChartProps } from './SplitBarChart';
import type { SplitPieChartProps } from './SplitPieChart';

const LineChartModule = lazy(() =>
  import('./MetricLineChart').then((module) => ({ default: module.MetricLineChart })),
);
const BarChartModule = lazy(() =>
  import('./SplitBarChart').then((module) => ({ default: module.SplitBarChart })),
);
const InterventionChartModule = lazy(() =>
  import('./InterventionChart').then((module) => ({ default: module.InterventionChart })),
);
const PieChartModule = lazy(() =>
  import('./SplitPieChart').then((module) => ({ default: module.SplitPieChart })),
);

function Placeholder({ height }: { height: number }) {
  return <SkeletonLine width="100%" height={height} />;
}

/** Keeps a chart that fails to load (or draw) from taking the screen down with it. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <p className="chart-failed" role="note">
          The chart could not be loaded. Reload the page to try again; the numbers are in the table.
        </p>
      );
    }
    return this.props.children;
  }
}

export function LazyMetricLineChart(props: MetricLineChartProps & { fallback?: ReactNode }) {
  const { fallback, ...chart } = props;
  return (
    <ChartBoundary>
      <Suspense fallback={fallback ?? <Placeholder height={props.height} />}>
        <LineChartModule {...chart} />
      </Suspense>
    </ChartBoundary>
  );
}

export function LazySplitBarChart(props: SplitBarChartProps) {
  return (
    <ChartBoundary>
      <Suspense fallback={<Placeholder height={Math.max(60, props.rows.length * 26 + 28)} />}>
        <BarChartModule {...props} />
      </Suspense>
    </ChartBoundary>
  );
}

export function LazySplitPieChart(props: SplitPieChartProps) {
  return (
    <ChartBoundary>
      <Suspense fallback={<Placeholder height={props.size} />}>
        <PieChartModule {...props} />
      </Suspense>
    </ChartBoundary>
  );
}

export function LazyInterventionChart(props: InterventionChartProps) {
  return (
    <ChartBoundary>
      <Suspense fallback={<Placeholder height={props.height} />}>
        <InterventionChartModule {...props} />
      </Suspense>
    </ChartBoundary>
  );
}
