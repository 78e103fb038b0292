/**
 * The app's one query cache. Answers are refetched when a screen mounts (as the screens
 * always re-read on opening) and when the live stream says the data changed, never on a
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
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false },
    },
  });
}
