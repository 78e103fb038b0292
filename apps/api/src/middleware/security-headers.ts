/**
 * Security headers on every answer (hono's secureHeaders): nosniff, no framing, no referrer,
 * same-origin opener and resources, and a Content-Security-Policy that fits the Vite-built
 * app: its scripts, styles and fonts come from this origin, it talks only to this origin
 * (fetch and the live EventSource), and no inline script runs. Inline styles are allowed:
 * React Flow positions nodes with style attributes. The API docs page (Swagger UI) loads
 * its script and styles from jsDelivr and starts with an inline script, so it alone gets a
 * policy that allows those.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

const SELF = ["'self'"];

/** The app's policy: what the built web app needs and nothing more. */
export const APP_CSP = {
  defaultSrc: SELF,
  scriptSrc: SELF,
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: SELF,
  objectSrc: ["'none'"],
  baseUri: SELF,
  formAction: SELF,
  frameAncestors: ["'none'"],
};

const DOCS_CDN = 'https://cdn.jsdelivr.net';

const appHeaders = secureHeaders({
  contentSecurityPolicy: APP_CSP,
  xFrameOptions: 'DENY',
  strictTransportSecurity: false,
});

const docsHeaders = secureHeaders({
  contentSecurityPolicy: {
    ...APP_CSP,
    scriptSrc: ["'self'", "'unsafe-inline'", DOCS_CDN],
    styleSrc: ["'self'", "'unsafe-inline'", DOCS_CDN],
    imgSrc: ["'self'", 'data:', DOCS_CDN],
  },
  xFrameOptions: 'DENY',
  strictTransportSecurity: false,
});

export function securityHeaders(): MiddlewareHandler {
  return (c, next) => (c.req.path === '/api/docs' ? docsHeaders(c, next) : appHeaders(c, next));
}
