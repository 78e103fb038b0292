/**
 * Planner statistics where no autovacuum keeps them (docs/decisions/0045).
 *
 * PostgreSQL's autovacuum re-analyzes a table once enough of it has changed; the embedded
 * PGlite runs no autovacuum, so after the demo seed or an import its planner still thought
 * the tables empty and chose nested loops that made one alert check take 40 s instead of
 * 1 s. This applies autovacuum's own rule (analyze once more than 50 rows plus 10% of the
 * table changed since the last analyze) on demand. The worker calls it on PGlite only
 * (PostgreSQL has autovacuum, and pg_stat_force_next_flush needs PostgreSQL 15).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';

/** autovacuum_analyze_threshold and autovacuum_analyze_scale_factor, PostgreSQL's defaults. */
const ANALYZE_THRESHOLD = 50;
const ANALYZE_SCALE_FACTOR = 0.1;

/**
 * Analyzes the tables of the current schema that changed enough since their last analyze;
 * returns their names.
 *
 * @example await analyzeStaleTables(db); // ['activities', 'contacts']
 */
export async function analyzeStaleTables(db: Kysely<Database>): Promise<string[]> {
  // A backend reports its row counts at most once a second; PGlite's one backend would
  // otherwise still hold back the import it just committed.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<{ relname: string }>`
    select s.relname
    from pg_stat_user_tables s
    join pg_class c on c.oid = s.relid
    where s.schemaname = current_schema()
      and s.n_mod_since_analyze > ${ANALYZE_THRESHOLD} + ${ANALYZE_SCALE_FACTOR} * greatest(c.reltuples, 0)
    order by s.relname`.execute(db);
  for (const { relname } of rows) await sql`analyze ${sql.id(relname)}`.execute(db);
  return rows.map((r) => r.relname);
}
