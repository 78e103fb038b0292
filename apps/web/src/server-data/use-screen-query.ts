/**
 * useQuery for what a screen shows as it opens: read again on opening when the cached
 * answer is stale, as the screens always did. Other readers of a resource (a panel, a
 * card, the top bar) take the cache as it is, unless the live stream or a write has
 * invalidated it (query-client.ts), so opening a node's panel sends nothing new.
 */
import {
  type DefaultError,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';

/** @example const metrics = useScreenQuery(metricsQuery()); */
export function useScreenQuery<
  TQueryFnData,
  TError = DefaultError,
  TData = TQueryFnData,
  TQueryKey extends QueryKey = QueryKey,
>(options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>): UseQueryResult<TData, TError> {
  return useQuery({ ...options, refetchOnMount: true });
}
