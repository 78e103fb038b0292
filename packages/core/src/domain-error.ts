// The one error family of the product: every rule a package enforces fails with a DomainError
// whose code is one of DOMAIN_ERRORS, and the code carries its HTTP status and title.

/** An HTTP status a domain rule can answer with. */
export type DomainErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * Every code a DomainError can carry, with the status and the problem title it answers with.
 * A new code is added here, with its status: there is no default, so an unknown code fails
 * the typecheck instead of quietly becoming a 400.
 */
export const DOMAIN_ERRORS = {
  // Requests and the workspace
  validation: { status: 400, title: 'Invalid request' },
  unauthenticated: { status: 401, title: 'Sign in first' },
  forbidden: { status: 403, title: 'Not allowed for your role' },
  cross_origin: { status: 403, title: 'Cross-site request refused' },
  body_too_large: { status: 413, title: 'Request body too large' },
  rate_limited: { status: 429, title: 'Too many requests' },
  not_found: { status: 404, title: 'Not found' },
  no_workspace: { status: 409, title: 'No workspace' },
  invalid_workspace_settings: { status: 422, title: 'Invalid workspace settings' },
  invalid_counting_settings: { status: 422, title: 'Invalid counting settings' },
  cli_usage: { status: 400, title: 'Invalid command' },
  // Accounts and people
  setup_done: { status: 409, title: 'Treeline is already set up' },
  person_exists: { status: 409, title: 'Already in the workspace' },
  last_admin: { status: 409, title: 'The last admin' },
  invalid_password: { status: 422, title: 'Invalid password' },
  wrong_password: { status: 422, title: 'Wrong password' },
  slug_taken: { status: 409, title: 'Address taken' },
  not_invitable: { status: 409, title: 'Cannot invite' },
  mail_failed: { status: 503, title: 'Email could not be sent' },
  worker_needs_postgres: { status: 422, title: 'The worker needs PostgreSQL' },
  // Alerts and delivery
  invalid_webhook_url: { status: 422, title: 'Invalid webhook URL' },
  // Periods and values
  too_many_periods: { status: 422, title: 'Too many periods' },
  unknown_dimension: { status: 422, title: 'Unknown dimension' },
  invalid_filter: { status: 422, title: 'Invalid filter' },
  invalid_instant: { status: 422, title: 'Invalid instant' },
  invalid_date: { status: 422, title: 'Invalid date' },
  invalid_periods: { status: 422, title: 'Invalid periods' },
  invalid_range: { status: 422, title: 'Invalid range' },
  invalid_period_options: { status: 422, title: 'Invalid period options' },
  invalid_outbound_window: { status: 422, title: 'Invalid outbound window' },
  // Attribution (a caller's bug when it reaches HTTP, but still a rule with a reason)
  invalid_attribution_input: { status: 422, title: 'Cannot attribute the change' },
  attribution_undefined: { status: 422, title: 'Attribution undefined' },
  too_many_players: { status: 422, title: 'Too many children to attribute' },
  // Trees
  invalid_tree: { status: 422, title: 'Invalid tree' },
  unknown_template: { status: 422, title: 'Unknown template' },
  tree_version_conflict: { status: 409, title: 'The tree changed since you read it' },
  // Metrics
  unknown_metric: { status: 422, title: 'Unknown metric' },
  metric_cycle: { status: 422, title: 'Metric cycle' },
  formula_syntax: { status: 422, title: 'Formula syntax error' },
  invalid_metric: { status: 422, title: 'Invalid metric' },
  invalid_metric_key: { status: 422, title: 'Invalid metric key' },
  metric_key_taken: { status: 409, title: 'Metric key taken' },
  metric_read_only: { status: 409, title: 'Built-in metrics are read-only' },
  metric_in_use: { status: 409, title: 'Metric in use' },
  metric_breaks_trees: { status: 409, title: 'The change would break trees' },
  // Interventions and impact analysis
  invalid_impact_input: { status: 422, title: 'Cannot analyse the intervention' },
  invalid_intervention: { status: 422, title: 'Invalid intervention' },
  overlapping_scopes: { status: 422, title: 'The comparison overlaps the treated scope' },
  // Imports
  too_many_rows: { status: 413, title: 'Too many rows' },
  file_too_large: { status: 413, title: 'File too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unknown_upload: { status: 404, title: 'Unknown upload' },
  unknown_mapping: { status: 404, title: 'Unknown mapping' },
  unknown_preset: { status: 422, title: 'Unknown preset' },
  invalid_mapping: { status: 422, title: 'Invalid mapping' },
  mapping_does_not_fit: { status: 422, title: 'Mapping does not fit the file' },
  empty_file: { status: 422, title: 'Empty file' },
  header_only: { status: 422, title: 'No rows' },
  invalid_encoding: { status: 422, title: 'Not UTF-8' },
  not_csv: { status: 422, title: 'Not a CSV file' },
  wrong_delimiter: { status: 422, title: 'Wrong delimiter' },
  malformed_csv: { status: 422, title: 'Malformed CSV' },
  malformed_body: { status: 422, title: 'Malformed body' },
  // Contact scoring
  invalid_score_model: { status: 422, title: 'Invalid score model' },
} as const satisfies Record<string, { status: DomainErrorStatus; title: string }>;

/** Stable, machine-readable reasons a domain rule was broken (snake_case). */
export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/**
 * An expected failure of a domain rule (bad input, a limit reached, a conflict), as opposed
 * to a bug. `details` are the machine-readable facts behind the message (the cycle, the
 * per-node `errors` of an invalid tree…); the API sends them as problem extension members.
 *
 * @example
 * throw new DomainError('too_many_periods', 'the range has 3653 day periods; the limit is 1000');
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  readonly #title: string | undefined;

  /** `options.title` replaces the code's title where a more precise one reads better. */
  constructor(
    code: DomainErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options: { title?: string } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.#title = options.title;
  }

  /** The HTTP status this error answers with. */
  get status(): DomainErrorStatus {
    return DOMAIN_ERRORS[this.code].status;
  }

  /** The problem title a person reads. */
  get title(): string {
    return this.#title ?? DOMAIN_ERRORS[this.code].title;
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

/**
 * The error for an id that names nothing in the workspace (another workspace's id included:
 * it answers exactly as an id that does not exist).
 *
 * @example throw notFound('Tree', id); // 404 "Tree not found: No tree with id … in this workspace."
 */
export function notFound(what: string, id: string): DomainError {
  return new DomainError(
    'not_found',
    `No ${what.toLowerCase()} with id ${id} in this workspace.`,
    {},
    { title: `${what} not found` },
  );
}
