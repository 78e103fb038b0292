/**
 * Builds the Treeline API from its dependencies, without listening (tests call
 * `app.request`; server.ts listens). Routes live in routes/<feature>/.
 */

import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { swaggerUI } from '@hono/swagger-ui';
import { type Hook, OpenAPIHono } from '@hono/zod-openapi';
import { createTreelineAuth, principalOf } from '@treeline/auth';
import { changesWorkspaceData, DomainError } from '@treeline/core';
import { DomainEventFeed, TreeViewCache } from '@treeline/db';
import { createMailer } from '@treeline/notify';
import type { AppDeps, AppEnv } from './context';
import { handleError, problemOf, problemResponse } from './errors';
import { authorize } from './middleware/authorize';
import { DEFAULT_MAX_BODY_BYTES, requestBodyLimit } from './middleware/body-limit';
import { clientAddressed } from './middleware/client-address';
import { csrfProtection } from './middleware/csrf';
import { dependencies } from './middleware/dependencies';
import { securityHeaders } from './middleware/security-headers';
import { session } from './middleware/session';
import {
  DEFAULT_TOKEN_RATE_LIMIT,
  type TokenRateLimit,
  TokenRateLimiter,
} from './middleware/token-rate-limit';
import { workspace } from './middleware/workspace';
import { accountRoutes } from './routes/account/account.routes';
import { alertRoutes } from './routes/alerts/alerts.routes';
import { dataHealthRoutes } from './routes/data-health/data-health.routes';
import { dimensionRoutes } from './routes/dimensions/dimensions.routes';
import { eventRoutes } from './routes/events/events.routes';
import { healthRoutes } from './routes/health/health.routes';
import { bulkRoutes } from './routes/imports/bulk.routes';
import { importRoutes } from './routes/imports/imports.routes';
import { uploadRoutes } from './routes/imports/uploads.routes';
import { inboxRoutes } from './routes/inbox/inbox.routes';
import { interventionRoutes } from './routes/interventions/interventions.routes';
import { metricRoutes } from './routes/metrics/metrics.routes';
import { myBranchRoutes } from './routes/my-branches/my-branches.routes';
import { peopleRoutes } from './routes/people/people.routes';
import { preferenceRoutes } from './routes/preferences/preferences.routes';
import { scoringRoutes } from './routes/scoring/scoring.routes';
import { sessionRoutes } from './routes/session/session.routes';
import { setupRoutes } from './routes/setup/setup.routes';
import { templateRoutes } from './routes/templates/templates.routes';
import { tokenRoutes } from './routes/tokens/tokens.routes';
import { treeRoutes } from './routes/trees/trees.routes';
import { webhookRoutes } from './routes/webhooks/webhooks.routes';
import { workspaceRoutes } from './routes/workspace/workspace.routes';

export type { AppDeps, Authenticate, DemoMode } from './context';
export { WORKSPACE_HEADER } from './middleware/workspace';

type Defaulted =
  | 'treeViewCache'
  | 'events'
  | 'uploadDir'
  | 'maxUploadBytes'
  | 'auth'
  | 'authenticate'
  | 'demo'
  | 'mailer'
  | 'publicUrl'
  | 'maxBodyBytes';

/**
 * What createApp needs. Caches, the event feed and upload settings default per app; without
 * `auth`, an app makes its own (a random secret, mail to the log), as tests need.
 */
export type AppOptions = Omit<AppDeps, Defaulted | 'tokenRateLimiter'> &
  Partial<Pick<AppDeps, Defaulted>> & {
    /** Requests an API token may make per window (default 1200 a minute); null: no limit. */
    tokenRateLimit?: TokenRateLimit | null;
  };

/** 1 GiB: larger files go through the CLI, which streams any size. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1024 ** 3;

/** A NUL character, or a surrogate half without its other half. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first text in `value` that PostgreSQL cannot store, or null. */
function unstorableTextPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (!value || typeof value !== 'object' || path.length > 40) return null;
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return [...path, key];
    const found = unstorableTextPath(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Validation failures become problem+json naming each bad field. Text with a NUL character
 * or half a surrogate pair passes zod but is no storable text (PostgreSQL refuses both), so
 * it is refused here too.
 */
const validationProblem: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) {
    const bad = unstorableTextPath(result.data);
    if (!bad) return;
    const path = bad.map((key) => key.replace(UNSTORABLE, '?')).join('.');
    const message = 'Text may not contain the NUL character (\\u0000) or half of a surrogate pair';
    return problemResponse(
      c,
      problemOf(
        new DomainError('validation', `${path || '(root)'}: ${message}`, {
          errors: [{ path, message }],
        }),
      ),
    );
  }
  const detail = result.error.issues
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  const errors = result.error.issues.map((i) => ({
    path: i.path.join('.'),
    message: i.message,
  }));
  return problemResponse(c, problemOf(new DomainError('validation', detail, { errors })));
};

function apiRoutes(deps: AppDeps) {
  const api = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  // Who is asking, for every route; the public ones (health, the session, the first-run
  // setup, the account, better-auth's sign-in flow) answer before the workspace routes'
  // middleware, which needs a principal, a workspace they act in and the role a route needs.
  api.use('*', dependencies(deps), session());
  api.on(['GET', 'POST'], '/auth/*', (c) => deps.auth.handler(clientAddressed(c)));
  const workspaceApi = new OpenAPIHono<AppEnv>({ defaultHook: validationProblem });
  workspaceApi.use('*', workspace(), authorize());
  const workspaceScoped = workspaceApi
    .route('/', workspaceRoutes)
    .route('/', treeRoutes)
    .route('/', templateRoutes)
    .route('/', peopleRoutes)
    .route('/', metricRoutes)
    .route('/', dimensionRoutes)
    .route('/', bulkRoutes)
    .route('/', uploadRoutes)
    .route('/', importRoutes)
    .route('/', dataHealthRoutes)
    .route('/', eventRoutes)
    .route('/', tokenRoutes)
    .route('/', alertRoutes)
    .route('/', inboxRoutes)
    .route('/', webhookRoutes)
    .route('/', myBranchRoutes)
    .route('/', preferenceRoutes)
    .route('/', scoringRoutes)
    .route('/', interventionRoutes);
  return api
    .route('/', healthRoutes)
    .route('/', sessionRoutes)
    .route('/', setupRoutes)
    .route('/', accountRoutes)
    .route('/', workspaceScoped);
}

/**
 * @example
 * const app = createApp({ db, database: { kind: 'pglite', location: 'pglite:memory' }, resolveWorkspace });
 * const res = await app.request('/api/health');
 */
export function createApp(options: AppOptions) {
  const publicUrl = options.publicUrl ?? 'http://localhost';
  const mailer = options.mailer ?? createMailer();
  const auth =
    options.auth ??
    createTreelineAuth({
      db: options.db,
      baseURL: publicUrl,
      secret: randomBytes(32).toString('base64url'),
      mailer,
      rateLimit: false,
    });
  const deps: AppDeps = {
    ...options,
    publicUrl,
    mailer,
    auth,
    authenticate: options.authenticate ?? ((headers) => principalOf(auth, options.db, headers)),
    demo: options.demo ?? null,
    treeViewCache: options.treeViewCache ?? new TreeViewCache(),
    events: options.events ?? startedFeed(options.db, options.listen),
    uploadDir: options.uploadDir ?? join(tmpdir(), 'treeline-uploads'),
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    tokenRateLimiter:
      options.tokenRateLimit === null
        ? null
        : new TokenRateLimiter(options.tokenRateLimit ?? DEFAULT_TOKEN_RATE_LIMIT, () =>
            (options.now?.() ?? new Date()).getTime(),
          ),
  };
  // Values cached for a workspace whose data or counting changed are unreachable (their
  // data version is old), so they are dropped at once, whichever process made the change.
  deps.events.listen((event) => {
    if (changesWorkspaceData(event)) deps.treeViewCache.evictWorkspace(event.workspaceId);
  });
  const app = new OpenAPIHono<AppEnv>();
  // Hardening first (docs/decisions/0042): headers on every answer, then a body limit and
  // the origin check on every API route, before anything reads the body or acts.
  app.use('*', securityHeaders());
  app.use('/api/*', requestBodyLimit(deps.maxBodyBytes, deps.maxUploadBytes));
  app.use('/api/*', csrfProtection(publicUrl));
  // The document and its page are public: registered before the API's middleware.
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Treeline API',
      version: '0.1.0',
      description:
        'KPI metric trees with ownership. Errors are RFC 9457 problem+json. Sign in through the better-auth endpoints under /api/auth (POST /api/auth/sign-in/email sets an httpOnly session cookie), or send an API token as `Authorization: Bearer tl_…`. A user in several workspaces names one with the `x-treeline-workspace` header (its slug). Without either, only health, this document, /api/session and the sign-in flow answer (401 otherwise).',
    },
    security: [{ apiToken: [] }, { sessionCookie: [] }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token of the workspace (tl_…), made by an admin',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'treeline.session_token',
    description: 'The session cookie set by signing in',
  });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json', title: 'Treeline API' }));
  const routes = app.route('/api', apiRoutes(deps));
  app.all('/api/*', (c) =>
    problemResponse(
      c,
      problemOf(
        new DomainError(
          'not_found',
          `No API route ${c.req.method} ${c.req.path}; see /api/docs.`,
          {},
          { title: 'No such route' },
        ),
      ),
    ),
  );
  if (deps.webRoot) {
    const root = deps.webRoot;
    app.use('/*', serveStatic({ root }));
    // Single-page app: unknown paths get index.html so client-side routes survive a reload.
    app.get('/*', serveStatic({ root, path: 'index.html' }));
  }
  app.onError(handleError);
  return routes;
}

/**
 * A feed woken by `listen` alone (tests hand in the test database's); the server passes
 * its own, which also polls and is stopped on close.
 */
function startedFeed(db: AppDeps['db'], listen: AppDeps['listen']): DomainEventFeed {
  const feed = new DomainEventFeed(db, { ...(listen ? { listen } : {}), pollMs: null });
  void feed.start().catch((error: unknown) => console.error(error));
  return feed;
}

export type AppType = ReturnType<typeof createApp>;
