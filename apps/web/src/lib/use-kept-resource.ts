/**
 * useResource that keeps showing the last data (dimmed by the caller) while a new key
 * reloads, instead of flashing a skeleton: the import history after an import, a series at
 * another grain or split. A null key loads nothing.
 */
import { useEffect, useState } from 'react';
import { type Resource, useResource } from './use-resource';

export type KeptResource<T> = Resource<T> & { retry: () => void; refreshing: boolean };

/**
 * @example
 * const imports = useKeptResource(`imports:${version}`, (signal) => dataApi.listImports(signal));
 */
export function useKeptResource<T>(
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
