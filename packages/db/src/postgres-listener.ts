/**
 * LISTEN on PostgreSQL: one dedicated connection per open database (a pooled one would be
 * handed to other queries between notifications), shared by every channel and callback.
 * It connects on the first listen and, when the connection drops, reconnects with backoff
 * and calls every callback once, since notifications sent meanwhile are lost; callers
 * read their state again then (and poll as a fallback anyway).
 */
import pg from 'pg';

type Callback = () => void;

export class PostgresListener {
  readonly #config: pg.ClientConfig;
  readonly #onError: (error: unknown) => void;
  readonly #callbacks = new Map<string, Set<Callback>>();
  #client: pg.Client | null = null;
  #connecting: Promise<pg.Client> | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;
  #retryMs = 500;

  constructor(config: pg.ClientConfig, onError: (error: unknown) => void = () => {}) {
    this.#config = config;
    this.#onError = onError;
  }

  /**
   * Calls `callback` on every NOTIFY of `channel`; resolves once listening, to the
   * function that stops it.
   *
   * @example const stop = await listener.listen('treeline_domain_events', () => feed.wake());
   */
  async listen(channel: string, callback: Callback): Promise<() => Promise<void>> {
    if (this.#closed) throw new Error('The listener is closed');
    let callbacks = this.#callbacks.get(channel);
    const isNew = !callbacks;
    if (!callbacks) {
      callbacks = new Set();
      this.#callbacks.set(channel, callbacks);
    }
    callbacks.add(callback);
    const client = await this.#connected();
    if (isNew) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return async () => {
      const set = this.#callbacks.get(channel);
      set?.delete(callback);
      if (set && set.size === 0) {
        this.#callbacks.delete(channel);
        await this.#client?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
      }
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }

  #connected(): Promise<pg.Client> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  async #connect(): Promise<pg.Client> {
    const client = new pg.Client(this.#config);
    client.on('notification', (message) => {
      for (const callback of this.#callbacks.get(message.channel) ?? []) callback();
    });
    client.on('error', (error) => this.#lost(client, error));
    client.on('end', () => this.#lost(client, null));
    await client.connect();
    for (const channel of this.#callbacks.keys()) {
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    }
    this.#client = client;
    this.#retryMs = 500;
    return client;
  }

  #lost(client: pg.Client, error: Error | null): void {
    if (this.#client !== client) return;
    this.#client = null;
    client.end().catch(() => {});
    if (this.#closed) return;
    if (error) this.#onError(error);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#retry || this.#closed) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.#connected().then(
        () => {
          for (const callbacks of this.#callbacks.values())
            for (const callback of callbacks) callback();
        },
        (error: unknown) => {
          this.#onError(error);
          this.#retryMs = Math.min(10_000, this.#retryMs * 2);
          this.#scheduleReconnect();
        },
      );
    }, this.#retryMs);
    this.#retry.unref();
  }
}
