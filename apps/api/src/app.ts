/**
 * Builds the Treeline API from its dependencies, without listening (tests call
 * `app.request`; server.ts listens). Routes live in routes/<feature>/.
 */

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { swaggerUI } from '@hono/swagger-ui';
import { OpenAPIHono } from '@hono/zod-openapi';
import { changesWorkspaceData, DomainError } from '@treeline/core';
import { DomainEventFeed, TreeViewCache } from '@treeline/db';
import { type AppDeps, type AppEnv, requestContext } from './context';
import { handleError, problemOf, problemResponse } from './errors';
import { dataHealthRoutes } from './routes/data-health/data-health.routes';
import { dimensionRoutes } from './routes/dimensions/dimensions.routes';
import { eventRoutes } from './routes/events/events.routes';
import { healthRoutes } from './routes/health/health.routes';
import { bulkRoutes } from './routes/imports/bulk.routes';
import { importRoutes } from './routes/imports/imports.routes';
import { uploadRoutes } from './routes/imports/uploads.routes';
import { metricRoutes } from './routes/metrics/metrics.routes';
import { peopleRoutes } from './routes/people/people.routes';
import { templateRoutes } from './routes/templates/templates.routes';
import { treeRoutes } from './routes/trees/trees.routes';
import { workspaceRoutes } from './routes/workspace/workspace.routes';

export type { AppDeps } from './context';

/** What createApp needs; caches, the event feed and upload settings default per app. */
export type AppOptions = Omit<
  AppDeps,
  'treeViewCache' | 'events' | 'uploadDir' | 'maxUploadBytes'
> &
  Partial<Pick<AppDeps, 'treeViewCache' | 'events' | 'uploadDir' | 'maxUploadBytes'>>;

/** 1 GiB: larger files go through the CLI, which streams any size. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1024 ** 3;

function apiRoutes(deps: AppDeps) {
  const api = new OpenAPIHono<AppEnv>({
    // Validation failures become problem+json naming each bad field.
    defaultHook: (result, c) => {
      if (!result.success) {
        const detail = result.error.issues
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ');
        const errors = result.error.issues.map((i) => ({
          path: i.path.join('.'),
          message: i.message,
        }));
        return problemResponse(c, problemOf(new DomainError('validation', detail, { errors })));
      }
    },
  });
  api.use('*', requestContext(deps));
  return api
    .route('/', healthRoutes)
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
    .route('/', eventRoutes);
}

/**
 * @example
 * const app = createApp({ db, database: { kind: 'pglite', location: 'pglite:memory' }, resolveWorkspace });
 * const res = await app.request('/api/health');
 */
export function createApp(options: AppOptions) {
  const deps: AppDeps = {
    ...options,
    treeViewCache: options.treeViewCache ?? new TreeViewCache(),
    events: options.events ?? startedFeed(options.db, options.listen),
    uploadDir: options.uploadDir ?? join(tmpdir(), 'treeline-uploads'),
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  };
  // Values cached for a workspace whose data or counting changed are unreachable (their
  // data version is old), so they are dropped at once, whichever process made the change.
  deps.events.listen((event) => {
    if (changesWorkspaceData(event)) deps.treeViewCache.evictWorkspace(event.workspaceId);
  });
  const app = new OpenAPIHono<AppEnv>();
  const routes = app.route('/api', apiRoutes(deps));
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Treeline API',
      version: '0.1.0',
      description: 'KPI metric trees with ownership. Errors are RFC 9457 problem+json.',
    },
  });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json', title: 'Treeline API' }));
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
