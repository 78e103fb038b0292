/**
 * useResource that keeps showing the last data while a new key reloads (e.g. after an import
 * the history refreshes in place instead of flashing a skeleton).
 */
import { useEffect, useState } from 'react';
import { type Resource, useResource } from './use-resource';

/**
 * @example
 * const imports = useKeptResource(`imports:${version}`, (signal) => dataApi.listImports(signal));
 */
export function useKeptResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> & { retry: () => void; refreshing: boolean } {
  const resource = useResource(key, load);
  const [kept, setKept] = useState<T | null>(null);
  const fresh = resource.status === 'success' ? resource.data : null;
  useEffect(() => {
    if (fresh !== null) setKept(fresh);
  }, [fresh]);
  if (resource.status === 'loading' && kept !== null) {
    return { status: 'success', data: kept, retry: resource.retry, refreshing: true };
  }
  return { ...resource, refreshing: false };
}
