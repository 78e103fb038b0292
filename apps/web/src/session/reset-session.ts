/**
 * After signing in, out, or switching the demo person: every answer read so far was for
 * someone else, so it is dropped, and the session is read again (the gate then shows
 * what the new person may see).
 */
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../server-data/query-keys';

/** @example await resetSession(queryClient); */
export async function resetSession(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
  await queryClient.resetQueries({ queryKey: queryKeys.session() });
}
