/**
 * Movement alerts as background work (docs/product.md §5, decision 0041): the durable
 * subscriber `movement-alerts` checks every tree of a workspace after each committed data
 * change (an import, a counting-setting change), from the event outbox, so a change
 * committed while no worker ran is still checked; and the alert clock, which checks each
 * workspace when a period closes in its time zone and escalates alerts left unacknowledged.
 * Every write is idempotent, so a job run twice or two workers ticking together write once.
 */
import { lastCompletePeriod } from '@treeline/core';
import { checkWorkspaceMovements, type Db, escalateDueAlerts } from '@treeline/db';
import { defineSubscriber } from './subscriber';

export const movementAlerts = defineSubscriber({
  name: 'movement-alerts',
  on: ['import.committed', 'counting.changed'],
  expireInSeconds: 10 * 60,
  handle: async (event, { db }) => {
    await checkWorkspaceMovements(db, event.workspaceId);
  },
});

export interface AlertClockOptions {
  db: Db;
  /** How often it looks (default a minute). */
  intervalMs?: number;
  onError?: (error: unknown) => void;
  now?: () => Date;
}

/**
 * Each tick escalates the alerts due, and checks a workspace whose latest complete week or
 * month is not the one it last checked (the first tick checks every workspace once, so a
 * period that closed while no worker ran is not missed).
 */
export class AlertClock {
  readonly #options: AlertClockOptions;
  readonly #checked = new Map<string, string>();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = false;

  constructor(options: AlertClockOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.#options.intervalMs ?? 60_000);
    this.#timer.unref();
    void this.tick();
  }

  /** One look; resolves when it is done (a tick while one runs waits for it). */
  tick(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#running ??= this.#tick().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  async #tick(): Promise<void> {
    const { db } = this.#options;
    const now = this.#options.now?.() ?? new Date();
    try {
      await escalateDueAlerts(db, { now });
      const workspaces = await db
        .selectFrom('workspaces')
        .select(['id', 'time_zone', 'week_start', 'fiscal_year_start_month'])
        .execute();
      for (const ws of workspaces) {
        if (this.#stopped) return;
        const options = {
          timeZone: ws.time_zone,
          weekStart: ws.week_start,
          fiscalYearStartMonth: ws.fiscal_year_start_month,
        };
        const key = `${lastCompletePeriod(now, 'week', options).start}|${lastCompletePeriod(now, 'month', options).start}`;
        if (this.#checked.get(ws.id) === key) continue;
        await checkWorkspaceMovements(db, ws.id, { now });
        this.#checked.set(ws.id, key);
      }
    } catch (error) {
      (this.#options.onError ?? ((e: unknown) => console.error(e)))(error);
    }
  }
}
