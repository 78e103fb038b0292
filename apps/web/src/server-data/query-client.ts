/**
 * The app's one query cache. Answers are read again when a screen opens (useScreenQuery,
 * as the screens always re-read on opening) and when the live stream says the data
 * changed; any other reader mounting takes the cache unless it was invalidated. Never on a
 * window focus or a timer; a failed read is shown at once with its retry rather than
 * retried behind the person's back.
 */
import { QueryClient } from '@tanstack/react-query';

/** @example const queryClient = createAppQueryClient(); */
export function createAppQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnMount: (query) => query.state.isInvalidated,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
