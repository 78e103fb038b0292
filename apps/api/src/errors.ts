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
};

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
      type: typeUri(error.code),
      title: error.code.replaceAll('_', ' '),
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
