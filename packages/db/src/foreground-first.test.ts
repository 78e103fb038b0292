import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from './open-database';

describe('background work on the embedded database', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
  });
  afterAll(() => database.close());

  it("lets a request's queries run one after another while the worker is busy", async () => {
    const order: string[] = [];
    let working = true;
    const worker = (async () => {
      for (let i = 0; i < 40 && working; i++) {
        await sql`select pg_sleep(0.02)`.execute(database.backgroundDb);
        order.push('background');
      }
    })();
    // The worker is under way when the request comes in.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let i = 0; i < 6; i++) {
      await sql`select pg_sleep(0.01)`.execute(database.db);
      order.push('request');
    }
    working = false;
    await worker;
    const first = order.indexOf('request');
    const last = order.lastIndexOf('request');
    // Only a query the worker had begun before the request may land between its queries.
    const between = order.slice(first, last).filter((who) => who === 'background').length;
    expect(between).toBeLessThanOrEqual(1);
    // ...and the request is answered while the worker still has work, not after it.
    expect(last).toBeLessThan(order.lastIndexOf('background'));
    expect(order.filter((who) => who === 'background').length).toBeGreaterThan(1);
  });

  it('still runs background work when requests never pause for long', async () => {
    const done = sql`select 1 as one`.execute(database.backgroundDb);
    for (let i = 0; i < 5; i++) await sql`select 1`.execute(database.db);
    expect((await done).rows).toEqual([{ one: 1 }]);
  });
});
