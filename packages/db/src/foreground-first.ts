/**
 * Requests before background work on the embedded database (docs/decisions/0045).
 *
 * PGlite has one connection. With one handle for all, the worker running in-process (alert
 * checks, verdicts, scores) took the connection again between every two queries of a
 * request: after an import, a tree view waited for as long as the alert check ran (about
 * 20 s on the demo). Both Kysely handles share one
 * driver (so one connection, one transaction at a time, as before); a request waiting for
 * the connection goes before background work, which takes it once requests have been
 * quiet for a moment (or after waiting at most two seconds, so it never starves).
 */
import type {
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryCompiler,
  TransactionSettings,
} from 'kysely';

/** How long the foreground must have been idle before the background takes the connection. */
const QUIET_MS = 30;
/** The longest a background caller waits while requests keep coming. */
const MAX_WAIT_MS = 2000;

type Role = 'foreground' | 'background';

/**
 * The one connection, held by one caller of either handle at a time: waiting requests go
 * first; a waiting background caller gets it once requests have been quiet for QUIET_MS,
 * or once it has waited MAX_WAIT_MS.
 */
class SharedConnectionLock {
  #held = false;
  #lastForegroundRelease = 0;
  #foreground: Array<() => void> = [];
  #background: Array<{ since: number; grant: () => void }> = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  acquire(role: Role): Promise<void> {
    return new Promise((grant) => {
      if (role === 'foreground') this.#foreground.push(grant);
      else this.#background.push({ since: Date.now(), grant });
      this.#grantNext();
    });
  }

  release(role: Role): void {
    if (role === 'foreground') this.#lastForegroundRelease = Date.now();
    this.#held = false;
    this.#grantNext();
  }

  #grantNext(): void {
    if (this.#held) return;
    if (!this.#starving()) {
      const request = this.#foreground.shift();
      if (request) {
        this.#held = true;
        request();
        return;
      }
    }
    if (this.#background.length === 0 || this.#timer !== null) return;
    // Background work is granted from a timer, never straight away: PGlite runs a query
    // without giving the event loop a turn, so only this pause lets a request that has
    // arrived meanwhile be read and queue up first.
    const sinceRequest = Date.now() - this.#lastForegroundRelease;
    const wait = this.#starving() ? 0 : Math.max(0, QUIET_MS - sinceRequest);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#held) return;
      if (this.#foreground.length > 0 && !this.#starving()) return this.#grantNext();
      const next = this.#background.shift();
      if (!next) return;
      this.#held = true;
      next.grant();
    }, wait);
  }

  #starving(): boolean {
    const oldest = this.#background[0];
    return oldest !== undefined && Date.now() - oldest.since >= MAX_WAIT_MS;
  }
}

/** A driver facade over the shared one, taking the shared lock in its role. */
class SharedDriver implements Driver {
  constructor(
    private readonly inner: Driver,
    private readonly lock: SharedConnectionLock,
    private readonly role: Role,
    private readonly initOnce: () => Promise<void>,
  ) {}

  init(): Promise<void> {
    return this.initOnce();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock.acquire(this.role);
    try {
      return await this.inner.acquireConnection();
    } catch (error) {
      this.lock.release(this.role);
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      this.lock.release(this.role);
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.savepoint?.(connection, name, compile);
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.rollbackToSavepoint?.(connection, name, compile);
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await this.inner.releaseSavepoint?.(connection, name, compile);
  }

  async destroy(): Promise<void> {
    // Only the foreground handle owns the shared driver.
    if (this.role === 'foreground') await this.inner.destroy();
  }
}

/**
 * Two dialects over one driver of `base`: the foreground one for requests, the background
 * one for the in-process worker.
 *
 * @example
 * const { foreground, background } = foregroundFirst(new PGliteDialect({ pglite }));
 * const db = new Kysely<Database>({ dialect: foreground });
 */
export function foregroundFirst(base: Dialect): { foreground: Dialect; background: Dialect } {
  const inner = base.createDriver();
  let ready: Promise<void> | null = null;
  // Initialised once, by whichever handle is used first.
  const initOnce = () => {
    ready ??= inner.init();
    return ready;
  };
  const lock = new SharedConnectionLock();
  const dialect = (role: Role): Dialect => ({
    createAdapter: () => base.createAdapter(),
    createDriver: () => new SharedDriver(inner, lock, role, initOnce),
    createIntrospector: (db: Kysely<unknown>) => base.createIntrospector(db),
    createQueryCompiler: () => base.createQueryCompiler(),
  });
  return { foreground: dialect('foreground'), background: dialect('background') };
}
