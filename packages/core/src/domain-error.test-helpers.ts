// The DomainError a call throws, for tests that check its code, message and details.

import { type DomainError, isDomainError } from './domain-error';

/** The DomainError `run` throws; anything else (or nothing) fails the test. */
export function thrownDomainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
