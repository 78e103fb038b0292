/**
 * The series a metric page draws: the last `count` periods of `grain`, ending now. The
 * range is cut when the request is made, so a refetch after new data reaches to that
 * moment. While another range loads, the last answer stays (dimmed) with the range it was
 * asked for, when it is of the same grain; another grain's periods differ, so it is not drawn.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type MetricSeries } from '../lib/api';
import { queryKeys } from '../server-data/query-keys';
import { type QueryResource, resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { type PageGrain, seriesRange } from './series-range';

export interface PageSeries {
  series: QueryResource<{ data: MetricSeries; count: number }>;
  /** The answer to draw, when it is of this metric and grain. */
  loaded: MetricSeries | null;
  /** How many periods `loaded` was asked for. */
  loadedCount: number | null;
}

/** @example const { loaded, loadedCount } = useMetricPageSeries('win_rate', 'month', 12, true); */
export function useMetricPageSeries(
  metricKey: string,
  grain: PageGrain,
  count: number,
  enabled: boolean,
): PageSeries {
  const series = resourceOf(
    useScreenQuery(
      queryOptions({
        queryKey: queryKeys.metricSeries(metricKey, { page: 'trend', grain, count }),
        queryFn: ({ signal }): Promise<{ data: MetricSeries; count: number }> =>
          api
            .getMetricSeries(metricKey, { ...seriesRange(grain, count, new Date()), grain }, signal)
            .then((data) => ({ data, count })),
        placeholderData: keepPreviousData,
        enabled,
      }),
    ),
  );
  const kept =
    series.status === 'success' &&
    series.data.data.metricKey === metricKey &&
    series.data.data.grain === grain
      ? series.data
      : null;
  return { series, loaded: kept?.data ?? null, loadedCount: kept?.count ?? null };
}
