/**
 * A query's answer as the screens show it: loading, the data, or the problem a person can
 * act on, with a retry; `refreshing` while kept data (placeholderData) stands in for the
 * next answer. A retry shows as loading again, as a first read does.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { type Problem, toProblem } from '../lib/api';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; problem: Problem };

export type QueryResource<T> = Resource<T> & { retry: () => void; refreshing: boolean };

/**
 * @example
 * const trees = resourceOf(useQuery(treesQuery()));
 * if (trees.status === 'error') return <ProblemState problem={trees.problem} onRetry={trees.retry} />;
 */
export function resourceOf<T>(query: UseQueryResult<T>): QueryResource<T> {
  const retry = () => void query.refetch();
  if (query.data !== undefined && (query.status === 'success' || query.isPlaceholderData)) {
    return { status: 'success', data: query.data, retry, refreshing: query.isPlaceholderData };
  }
  if (query.status === 'error' && !query.isFetching) {
    return { status: 'error', problem: toProblem(query.error), retry, refreshing: false };
  }
  return { status: 'loading', retry, refreshing: false };
}
