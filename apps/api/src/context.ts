/**
 * The request context: every route reads its workspace (and later the signed-in person
 * and their role) from here, set by one middleware. Today every request is in the demo
 * workspace; sign-in slots into `resolveWorkspace` without touching any route.
 */
import { DomainError } from '@treeline/core';
import type { CopyFrom, Db, DomainEventFeed, Listen, TreeViewCache, Workspace } from '@treeline/db';
import type { Context, MiddlewareHandler } from 'hono';

export interface AppDeps {
  db: Db;
  database: { kind: 'pglite' | 'postgres'; location: string };
  /** Which workspace a request acts in. */
  resolveWorkspace: (c: Context) => Promise<Workspace | undefined>;
  /** The clock (tests pin it). */
  now?: () => Date;
  /** Built web app to serve at /, if any. */
  webRoot?: string;
  /** Tree views already computed for unchanged trees and data (one per app). */
  treeViewCache: TreeViewCache;
  /** PostgreSQL's COPY for imports (absent on PGlite: batched inserts). */
  copyFrom?: CopyFrom;
  /**
   * This process's live feed of domain events (the outbox): open editors' SSE stream and
   * the tree-view cache hear every committed import and counting change through it.
   */
  events: DomainEventFeed;
  /** LISTEN on the database (OpenDatabase.listen), so the app's own feed wakes at commit. */
  listen?: Listen;
  /** Where uploaded files wait until they are imported (one file per upload). */
  uploadDir: string;
  /** The largest upload accepted, in bytes. */
  maxUploadBytes: number;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    workspace: Workspace;
  };
}

export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    const workspace = await deps.resolveWorkspace(c);
    if (!workspace) {
      throw new DomainError(
        'no_workspace',
        'This server has no workspace yet. Start it with `pnpm start` to seed the demo workspace.',
      );
    }
    c.set('workspace', workspace);
    await next();
  };
}
