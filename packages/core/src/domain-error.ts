// The one error family of the domain: every rule the core enforces fails with a DomainError and a stable code.

/** The codes the core itself raises. */
export type CoreDomainErrorCode =
  | 'invalid_period_options'
  | 'invalid_instant'
  | 'too_many_periods'
  | 'invalid_attribution_input'
  | 'attribution_undefined'
  | 'too_many_players'
  | 'formula_syntax';

/**
 * Stable, machine-readable reasons a domain rule was broken; the API maps them to problem+json.
 * Other packages add their own snake_case codes (e.g. 'unknown_metric').
 */
export type DomainErrorCode = CoreDomainErrorCode | (string & {});

/**
 * An expected failure of a domain rule (bad input, a limit reached), as opposed to a bug.
 *
 * @example
 * throw new DomainError('too_many_periods', 'the range has 3653 day periods; the limit is 1000');
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/**
 * True when `error` is a DomainError, optionally with the given code.
 *
 * @example
 * if (isDomainError(error, 'too_many_periods')) showHint('choose a coarser grain');
 */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
