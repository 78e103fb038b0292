/**
 * The one mapping from errors to HTTP: every failure leaves the API as RFC 9457
 * problem+json, the contract's Problem (core), which the client reads. Expected
 * failures are core's DomainError, whose closed code carries its status and title
 * (DOMAIN_ERRORS); anything else is a bug, logged and answered with a 500.
 */
import { randomUUID } from 'node:crypto';
import { type DomainError, isDomainError, type Problem } from '@treeline/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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
  const retryAfter = problem.retryAfterSeconds;
  return c.json(problem, problem.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...(typeof retryAfter === 'number' ? { 'retry-after': String(retryAfter) } : {}),
  });
}

const typeUri = (code: string) => `https://treeline.dev/problems/${code.replaceAll('_', '-')}`;

/**
 * A DomainError as problem+json: its code names the type and carries status and title.
 *
 * @example problemOf(notFound('Tree', id)) // { type: '…/not-found', title: 'Tree not found', status: 404, … }
 */
export function problemOf(error: DomainError): Problem {
  return {
    ...extensionsOf(error.details),
    type: typeUri(error.code),
    title: error.title,
    status: error.status,
    detail: error.message,
  };
}

/** API keys and database passwords, wherever an error message repeats them. */
const SECRETS = [/\btl_[A-Za-z0-9_-]{8,}/g, /(\w+:\/\/[^:/@\s]+:)[^@\s]+@/g];

/** An error as one log entry without the secrets its message or stack may carry. */
export function redacted(text: string): string {
  return SECRETS.reduce(
    (out, pattern) =>
      out.replace(
        pattern,
        (_m, prefix?: string) => `${prefix ?? ''}[redacted]${prefix ? '@' : ''}`,
      ),
    text,
  );
}

/**
 * Hono onError handler. A bug answers a 500 with a reference and nothing of the error (no
 * message, no stack); the log gets the reference, the route and the error, secrets
 * redacted, and never the request's headers or body.
 */
export function handleError(error: Error, c: Context): Response {
  if (isDomainError(error)) return problemResponse(c, problemOf(error));
  if (error instanceof HTTPException) {
    return problemResponse(c, {
      type: 'about:blank',
      title: error.message || 'HTTP error',
      status: error.status,
      detail: error.message,
    });
  }
  const reference = randomUUID().slice(0, 8);
  console.error(
    `Internal error ${reference} on ${c.req.method} ${c.req.path}: ${redacted(error.stack ?? String(error))}`,
  );
  return problemResponse(c, {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: `Something went wrong on the server; it has been logged as ${reference}. Try again, and report it with that reference if it persists.`,
    reference,
  });
}
