/**
 * After a custom metric is created, changed or deleted: the tree views and series computed
 * with it are stale, and so (unless the caller has just written it) is the catalog.
 */
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from './query-keys';

/** @example await metricsChanged(queryClient, { refetchCatalog: true }); */
export function metricsChanged(
  queryClient: QueryClient,
  { refetchCatalog }: { refetchCatalog: boolean },
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.treeViews() }),
    queryClient.invalidateQueries({ queryKey: ['metric-series'] }),
    refetchCatalog ? queryClient.invalidateQueries({ queryKey: queryKeys.metrics() }) : null,
  ]);
}
