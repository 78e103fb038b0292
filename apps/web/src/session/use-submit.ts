/** A form's submit: pending while it runs, and the problem it failed with (or null). */
import { useState } from 'react';
import { type Problem, toProblem } from '../lib/api';

/**
 * `submit(event)` runs `run`; `submit(undefined, other)` runs `other` (a row's actions).
 *
 * @example const { submit, pending, problem } = useSubmit(() => accountApi.signIn(email, password));
 */
export function useSubmit<T>(run: (() => Promise<T>) | null, onDone?: (result: T) => void) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const submit = async (event?: { preventDefault: () => void }, other?: () => Promise<T>) => {
    event?.preventDefault();
    const task = other ?? run;
    if (pending || !task) return;
    setPending(true);
    setProblem(null);
    try {
      const result = await task();
      setPending(false);
      onDone?.(result);
    } catch (error) {
      setPending(false);
      setProblem(toProblem(error));
    }
  };
  return { submit, pending, problem, setProblem };
}
