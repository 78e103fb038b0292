/**
 * The one mapping from errors to HTTP: every failure leaves the API as RFC 9457
 * problem+json ({ type, title, status, detail }), the shape the client understands.
 */
import { isDomainError } from '@treeline/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Which fields were wrong, for validation problems. */
  errors?: Array<{ path: string; message: string }>;
  [extension: string]: unknown;
}

/** An expected failure a route raises on purpose (not found, conflict…). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    readonly title: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

export class NotFoundError extends ApiError {
  constructor(what: string, id: string) {
    super(
      404,
      'not_found',
      `${what} not found`,
      `No ${what.toLowerCase()} with id ${id} in this workspace.`,
    );
  }
}

const DOMAIN_STATUS: Record<string, ContentfulStatusCode> = {
  too_many_periods: 422,
  unknown_dimension: 422,
  invalid_filter: 422,
  invalid_instant: 422,
  invalid_date: 422,
  invalid_periods: 422,
  invalid_range: 422,
  invalid_period_options: 422,
  invalid_outbound_window: 422,
  // Trees
  invalid_tree: 422,
  unknown_template: 422,
  tree_version_conflict: 409,
  // Metrics
  unknown_metric: 422,
  metric_cycle: 422,
  formula_syntax: 422,
  invalid_metric: 422,
  invalid_metric_key: 422,
  metric_key_taken: 409,
  metric_read_only: 409,
  metric_in_use: 409,
  metric_breaks_trees: 409,
  // Imports
  too_many_rows: 413,
  file_too_large: 413,
  unsupported_media_type: 415,
  unknown_upload: 404,
  unknown_mapping: 404,
  unknown_preset: 422,
  invalid_mapping: 422,
  mapping_does_not_fit: 422,
  empty_file: 422,
  header_only: 422,
  invalid_encoding: 422,
  not_csv: 422,
  wrong_delimiter: 422,
  malformed_csv: 422,
  malformed_body: 422,
  invalid_workspace_settings: 422,
};

const DOMAIN_TITLE: Record<string, string> = {
  invalid_tree: 'Invalid tree',
  tree_version_conflict: 'The tree changed since you read it',
  metric_read_only: 'Built-in metrics are read-only',
  metric_in_use: 'Metric in use',
  metric_breaks_trees: 'The change would break trees',
  metric_key_taken: 'Metric key taken',
  too_many_rows: 'Too many rows',
  file_too_large: 'File too large',
  empty_file: 'Empty file',
  header_only: 'No rows',
  invalid_encoding: 'Not UTF-8',
  wrong_delimiter: 'Wrong delimiter',
  mapping_does_not_fit: 'Mapping does not fit the file',
};

/** Members a problem+json body reserves; a DomainError's details never overwrite them. */
const RESERVED = new Set(['type', 'title', 'status', 'detail']);

/**
 * A DomainError's details as problem extension members (RFC 9457 §3.2): the machine-readable
 * facts behind the message, e.g. the cycle, the per-node `errors` of an invalid tree, or
 * what changed since a stale version. Every `errors` item gets a `path` (its own, or '').
 */
function extensionsOf(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (!RESERVED.has(key)) extensions[key] = value;
  }
  if (Array.isArray(extensions.errors)) {
    extensions.errors = extensions.errors.map((item) =>
      item && typeof item === 'object' && !('path' in item) ? { path: '', ...item } : item,
    );
  }
  return extensions;
}

export function problemResponse(c: Context, problem: Problem): Response {
  return c.json(problem, problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
  });
}

const typeUri = (code: string) => `https://treeline.dev/problems/${code.replaceAll('_', '-')}`;

/** Hono onError handler. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof ApiError) {
    return problemResponse(c, {
      type: typeUri(error.code),
      title: error.title,
      status: error.status,
      detail: error.message,
    });
  }
  if (isDomainError(error)) {
    const status = DOMAIN_STATUS[error.code] ?? 400;
    return problemResponse(c, {
      ...extensionsOf(error.details),
      type: typeUri(error.code),
      title: DOMAIN_TITLE[error.code] ?? error.code.replaceAll('_', ' '),
      status,
      detail: error.message,
    });
  }
  if (error instanceof HTTPException) {
    return problemResponse(c, {
      type: 'about:blank',
      title: error.message || 'HTTP error',
      status: error.status,
      detail: error.message,
    });
  }
  console.error(error);
  return problemResponse(c, {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail:
      'Something went wrong on the server; it has been logged. Try again, and report it if it persists.',
  });
}
