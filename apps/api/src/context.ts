/**
 * What every route can read from its context: the app's dependencies, who is asking (the
 * principal: a signed-in user or an API token), and, on workspace routes, the workspace the
 * request acts in, the person the user is there and the role they act with. Each is set by
 * one middleware (middleware/): dependencies, session, workspace, then authorize.
 */
import type { Principal, TreelineAuth } from '@treeline/auth';
import type {
  CopyFrom,
  Db,
  DomainEventFeed,
  Listen,
  Person,
  PersonRole,
  TreeViewCache,
  Workspace,
} from '@treeline/db';
import type { Mailer } from '@treeline/notify';
import type { TokenRateLimiter } from './middleware/token-rate-limit';

/** Turns a request's headers into who is asking (better-auth by default). */
export type Authenticate = (headers: Headers) => Promise<Principal | null>;

/** The embedded demo: no sign-in step, any demo person one click away. */
export interface DemoMode {
  workspaceId: string;
  /** The account a request without a session acts as (the demo workspace's admin). */
  adminUserId: string;
}

export interface AppDeps {
  db: Db;
  database: { kind: 'pglite' | 'postgres'; location: string };
  auth: TreelineAuth;
  authenticate: Authenticate;
  /** Set when the server runs the embedded demo; null otherwise (nothing is open). */
  demo: DemoMode | null;
  mailer: Mailer;
  /** Where people reach this server: links in emails start here. */
  publicUrl: string;
  /**
   * Let webhook endpoints point at loopback, private and link-local addresses (the demo
   * does by itself; tests with a local receiver say so). Default: refused.
   */
  allowPrivateWebhooks?: boolean;
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
  /** The largest request body of every other route, in bytes (middleware/body-limit.ts). */
  maxBodyBytes: number;
  /** Counts each API token's requests; null: tokens are not limited. */
  tokenRateLimiter: TokenRateLimiter | null;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** Who is asking; null for an anonymous request (public routes only). */
    principal: Principal | null;
    workspace: Workspace;
    /** The signed-in user's person in the workspace; null for an API token. */
    person: Person | null;
    /** What the request may do in the workspace (a token's scope as a role). */
    role: PersonRole;
  };
}
