/**
 * Starts Treeline: opens the database (PGlite data folder by default, PostgreSQL when
 * DATABASE_URL is set), migrates, seeds the demo workspace when it is missing, runs the
 * background worker in-process (unless TREELINE_WORKER=0, for when `treeline worker`
 * processes run beside the API), serves the API and the built web app on one port, and
 * prints the URL.
 */

import { existsSync } from 'node:fs';
import { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import {
  authSecret,
  createTreelineAuth,
  demoSignIn,
  ensureDemoAccounts,
  type TreelineAuth,
} from '@treeline/auth';
import {
  countUsers,
  type Db,
  DomainEventFeed,
  databaseConfigFromEnv,
  ensureDemoWorkspace,
  findPerson,
  migrateToLatest,
  openDatabase,
} from '@treeline/db';
import { createMailer } from '@treeline/notify';
import { type RunningWorker, type Subscriber, startWorker } from '@treeline/worker';
import { createApp } from './app';

const here = dirname(fileURLToPath(import.meta.url));
/** apps/api/{src,dist} → the repository root. */
const repoRoot = resolve(here, '../../..');

export interface StartOptions {
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** The in-process worker's durable subscribers (default: the registry; tests add theirs). */
  subscribers?: readonly Subscriber[];
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  const config = databaseConfigFromEnv(env, { dataDir: resolve(repoRoot, 'data') });
  const database = await openDatabase(config);
  let events: DomainEventFeed | null = null;
  let worker: RunningWorker | null = null;
  try {
    const level = await migrateToLatest(database.db);
    log(`Database: ${database.location} (schema ${level.current})`);
    // The embedded database is the demo unless TREELINE_DEMO=0; with DATABASE_URL nothing
    // is open and people sign in (docs/decisions/0037).
    const demoMode = database.kind === 'pglite' && env.TREELINE_DEMO?.trim() !== '0';
    let demoWorkspaceId: string | null = null;
    if (demoMode) {
      let lastReport = 0;
      const { workspace, created } = await ensureDemoWorkspace(database.db, {
        onProgress: (entity, done, total) => {
          const nowMs = Date.now();
          if (done === total || nowMs - lastReport > 1000) {
            lastReport = nowMs;
            log(
              `Seeding the demo workspace: ${entity} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`,
            );
          }
        },
      });
      log(
        created ? `Seeded the demo workspace "${workspace.name}".` : `Workspace: ${workspace.name}`,
      );
      demoWorkspaceId = workspace.id;
    }

    const webRoot = env.TREELINE_WEB_ROOT ?? resolve(repoRoot, 'apps/web/dist');
    const hasWeb = existsSync(resolve(webRoot, 'index.html'));
    if (!hasWeb)
      log(
        `No built web app at ${webRoot}; run \`pnpm build\` to serve the editor. The API still runs.`,
      );
    const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log });
    // Domain events recorded by this process or another one sharing the database (another
    // API instance, the CLI), woken at their commit.
    events = new DomainEventFeed(database.db, { listen: database.listen, pollMs: 5000 });
    await events.start();
    if (env.TREELINE_WORKER?.trim() !== '0') {
      worker = await startWorker({
        database,
        mailer,
        ...(env.TREELINE_PUBLIC_URL?.trim()
          ? { publicUrl: env.TREELINE_PUBLIC_URL.trim().replace(/\/+$/, '') }
          : {}),
        ...(options.subscribers ? { subscribers: options.subscribers } : {}),
      });
    } else {
      log('Background worker: off (TREELINE_WORKER=0); run `treeline worker` beside the API.');
    }
    const feed = events;
    const running = worker;

    const port = Number(env.PORT ?? 3000);
    const hostname = env.HOST ?? '127.0.0.1';
    // The app is made once the port is known (PORT=0 picks one): its links need the address.
    let app: ReturnType<typeof createApp> | null = null;
    const server = await new Promise<ReturnType<typeof serve>>((resolveServer, reject) => {
      const fetch = (request: Request) =>
        app ? app.fetch(request) : new Response('Starting', { status: 503 });
      const s = serve({ fetch, port, hostname }, () => resolveServer(s));
      s.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new StartupError(
                `Port ${port} is already in use; stop the other process or set PORT to a free port.`,
              )
            : error,
        ),
      );
    });
    // Idle keep-alive connections stay open for a minute (Node's default is 5 s). A client
    // reusing a connection at the moment the server drops it gets ECONNRESET; with 5 s the
    // margin to undici's 4 s reuse limit is one second, which a busy machine overruns.
    if (server instanceof HttpServer) {
      server.keepAliveTimeout = 65_000;
      server.headersTimeout = 66_000;
    }
    const address = server.address() as AddressInfo;
    const url = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${address.port}`;
    const publicUrl = env.TREELINE_PUBLIC_URL?.trim().replace(/\/+$/, '') || url;
    const secret = await authSecret(database.db, env.TREELINE_AUTH_SECRET);
    let demo: { workspaceId: string; adminUserId: string } | null = null;
    const auth: TreelineAuth = createTreelineAuth({
      db: database.db,
      baseURL: publicUrl,
      secret,
      mailer,
      ...(demoWorkspaceId
        ? { plugins: [demoSignIn((personId) => demoAccountOf(database.db, demo, personId))] }
        : {}),
    });
    if (demoWorkspaceId) {
      const adminUserId = await ensureDemoAccounts(auth, database.db, demoWorkspaceId);
      demo = { workspaceId: demoWorkspaceId, adminUserId };
      log('Demo mode: every visitor acts as the demo admin and can switch to any demo person.');
    } else if ((await countUsers(database.db)) === 0) {
      log(
        `No account yet: open ${publicUrl} to create the first admin, or run \`corepack pnpm treeline admin create --email you@example.com --name "Your Name"\`.`,
      );
    }
    log(`Email: ${mailer.describe}`);
    app = createApp({
      tokenRateLimit: tokenRateLimitOf(env.TREELINE_TOKEN_RATE_LIMIT),
      events: feed,
      db: database.db,
      database: { kind: database.kind, location: database.location },
      ...(database.copyFrom ? { copyFrom: database.copyFrom } : {}),
      auth,
      demo,
      mailer,
      publicUrl,
      ...(hasWeb ? { webRoot } : {}),
    });
    return {
      url,
      close: async () => {
        await feed.stop();
        await new Promise<void>((done) => server.close(() => done()));
        await running?.stop();
        await database.close();
      },
    };
  } catch (error) {
    await events?.stop().catch(() => {});
    await worker?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

/** The account a demo sign-in acts as: the demo person's, or the demo admin's. */
async function demoAccountOf(
  db: Db,
  demo: { workspaceId: string; adminUserId: string } | null,
  personId: string | undefined,
): Promise<string | null> {
  if (!demo) return null;
  if (!personId) return demo.adminUserId;
  if (!/^[0-9a-f-]{36}$/i.test(personId)) return null;
  const person = await findPerson(db, demo.workspaceId, personId);
  return person && !person.deactivated_at ? person.user_id : null;
}

/**
 * TREELINE_TOKEN_RATE_LIMIT: requests per minute per API token (default 1200; 0 turns the
 * limit off).
 */
function tokenRateLimitOf(value: string | undefined) {
  if (value === undefined || value.trim() === '') return undefined;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 0) {
    throw new StartupError(
      `TREELINE_TOKEN_RATE_LIMIT must be a whole number of requests per minute (0: no limit), not '${value}'.`,
    );
  }
  return max === 0 ? null : { max, windowMs: 60_000 };
}

/** A startup failure a person can fix, printed as one line. */
export class StartupError extends Error {
  override name = 'StartupError';
}
