/**
 * useResource that keeps the last series on screen (dimmed) while another grain, range or
 * split loads, instead of flashing a skeleton; a null key loads nothing.
 */
import { useEffect, useState } from 'react';
import { type Resource, useResource } from '../lib/use-resource';

export type KeptResource<T> = Resource<T> & { retry: () => void; refreshing: boolean };

/**
 * @example
 * const series = useKeptSeries(metric && `series:${metric.key}:${grain}`, (signal) => api.getMetricSeries(metric!.key, query, signal));
 */
export function useKeptSeries<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): KeptResource<T> {
  const resource = useResource(key, load);
  const [kept, setKept] = useState<T | null>(null);
  const fresh = resource.status === 'success' ? resource.data : null;
  useEffect(() => {
    if (fresh !== null) setKept(fresh);
  }, [fresh]);
  if (resource.status === 'loading' && kept !== null && key !== null) {
    return { status: 'success', data: kept, retry: resource.retry, refreshing: true };
  }
  return { ...resource, refreshing: false };
}
