/**
 * Loads one API resource for a component: loading, then the data or the problem, with
 * a retry. A new `key` (e.g. another tree id) reloads and aborts the call in flight.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Problem, toProblem } from './api';

export type Resource<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; problem: Problem };

/**
 * @example
 * const trees = useResource('trees', (signal) => api.listTrees(signal));
 * if (trees.status === 'error') return <ProblemState problem={trees.problem} onRetry={trees.retry} />;
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  // One request per key and attempt: a retry is a new request, shown as loading again.
  const requestKey = key === null ? null : `${attempt}:${key}`;
  const [state, setState] = useState<{ requestKey: string | null; resource: Resource<T> }>({
    requestKey,
    resource: { status: 'loading' },
  });
  // The loader is read at call time so callers may pass an inline function.
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (requestKey === null) return;
    const controller = new AbortController();
    setState({ requestKey, resource: { status: 'loading' } });
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted)
          setState({ requestKey, resource: { status: 'success', data } });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ requestKey, resource: { status: 'error', problem: toProblem(error) } });
        }
      },
    );
    return () => controller.abort();
  }, [requestKey]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // A stale result for an older request is never shown: until the new one lands, it is loading.
  const resource: Resource<T> =
    state.requestKey === requestKey ? state.resource : { status: 'loading' };
  return { ...resource, retry };
}
