/**
 * Activity ids are handed out from a cache of 1000 per session: a 5 M-row import asked the
 * identity's sequence for every row, locking its page each time (1 s of the write). Ids
 * stay unique and stable; a session that ends leaves a gap of its unused ids, and rows of
 * two sessions no longer get ids in the order they were written. Nothing reads either: the
 * id only breaks ties on time in the exclusion pass, which needs a fixed order, not that.
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activities alter column id set cache 1000`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table activities alter column id set cache 1`.execute(db);
}
