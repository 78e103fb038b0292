/**
 * CSRF protection for cookie-authenticated writes (and, in the embedded demo, for writes
 * that act as the demo admin without any cookie): a write from a browser must come from
 * Treeline's own pages. hono's csrf middleware refuses form-like writes (the ones a foreign
 * page can send without a preflight) whose Origin and Sec-Fetch-Site are not this site's;
 * beyond it, any write that names a foreign Origin is refused whatever its content type.
 * Requests with an API token are exempt: a foreign page cannot set the Authorization or
 * x-api-key header without a preflight, which this server never grants. Requests without
 * Origin or Sec-Fetch-Site are not from a browser, so they cannot be forged by a page.
 */
import { apiKeyOf } from '@treeline/auth';
import { DomainError } from '@treeline/core';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** This server's own origins: the configured public address and the one the page used. */
function isOwnOrigin(origin: string, c: Context, publicUrl: string): boolean {
  if (origin === new URL(publicUrl).origin) return true;
  const host = c.req.header('host');
  const proto = new URL(c.req.url).protocol;
  return host !== undefined && origin === `${proto}//${host}`;
}

function refused(origin: string | undefined): DomainError {
  return new DomainError(
    'cross_origin',
    `Writes come from Treeline's own pages; this one came from ${origin ?? 'another site'}. Open Treeline at its own address, or call the API with a token.`,
  );
}

export function csrfProtection(publicUrl: string): MiddlewareHandler {
  const honoCsrf = csrf({ origin: (origin, c) => isOwnOrigin(origin, c, publicUrl) });
  return async (c, next) => {
    if (SAFE.has(c.req.method) || apiKeyOf(c.req.raw.headers)) return next();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    // Browsers send Origin with every write (and Sec-Fetch-Site with nearly all): a request
    // with neither is a script or a CLI, which no foreign page can make on a user's behalf.
    if (origin === undefined && fetchSite === undefined) return next();
    if (origin !== undefined && !isOwnOrigin(origin, c, publicUrl)) throw refused(origin);
    try {
      await honoCsrf(c, next);
    } catch (error) {
      if (error instanceof HTTPException && error.status === 403) throw refused(origin);
      throw error;
    }
  };
}
