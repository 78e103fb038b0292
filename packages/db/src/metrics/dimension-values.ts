/**
 * The values a workspace's data holds for each dimension trees and metrics are filtered
 * and split by, so the product offers the teams, lead sources and reps the workspace
 * really has instead of asking people to type them: an enum's values, 'true' / 'false',
 * the reps (id, with their name), and for free-text dimensions the distinct values of the
 * rows that carry them, each with how many rows do.
 */
import {
  DIMENSIONS,
  type DimensionSpec,
  type DimensionValue,
  type DimensionValues,
} from '@treeline/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema/database';

/**
 * Free-text dimensions listed from the table that holds them (small tables only: a distinct
 * scan of millions of activities for source_system is not worth a page load).
 */
const TEXT_COLUMNS: Record<string, { table: 'reps' | 'contacts' | 'deals'; column: string }> = {
  team: { table: 'reps', column: 'team' },
  rep_segment: { table: 'reps', column: 'segment' },
  source: { table: 'contacts', column: 'source' },
  stage: { table: 'deals', column: 'stage' },
};

/**
 * Every dimension of core's catalog with the values it takes in the workspace, in its order.
 *
 * @example
 * const team = (await listDimensionValues(db, ws.id)).find((d) => d.dimension === 'team');
 * team?.values; // [{ value: 'Team A', label: null, rows: 12 }, …]
 */
export async function listDimensionValues(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<DimensionValues[]> {
  const textQueries = Object.entries(TEXT_COLUMNS).map(
    ([dimension, { table, column }]) =>
      sql`select ${dimension} as dimension, ${sql.ref(column)} as value, count(*) as rows
        from ${sql.table(table)}
        where workspace_id = ${workspaceId} and ${sql.ref(column)} is not null
          ${table === 'reps' ? sql`` : sql`and deleted_at is null`}
        group by ${sql.ref(column)}` as RawBuilder<unknown>,
  );
  const [texts, reps] = await Promise.all([
    sql<{ dimension: string; value: string; rows: number | string }>`
      ${sql.join(textQueries, sql` union all `)}
      order by 1, 2`.execute(db),
    db
      .selectFrom('reps')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('name')
      .orderBy('id')
      .execute(),
  ]);
  const listed = new Map<string, DimensionValue[]>();
  for (const row of texts.rows) {
    const values = listed.get(row.dimension) ?? [];
    values.push({ value: row.value, label: null, rows: Number(row.rows) });
    listed.set(row.dimension, values);
  }
  const plain = (value: string): DimensionValue => ({ value, label: null, rows: null });
  const valuesOf = (dimension: DimensionSpec): DimensionValue[] | null => {
    if (dimension.kind === 'enum') return (dimension.values ?? []).map((o) => plain(o.value));
    if (dimension.kind === 'boolean') return ['true', 'false'].map(plain);
    if (dimension.kind === 'id') {
      return reps.map((rep) => ({ value: String(rep.id), label: rep.name, rows: null }));
    }
    return dimension.key in TEXT_COLUMNS ? (listed.get(dimension.key) ?? []) : null;
  };
  return DIMENSIONS.map((dimension) => ({
    dimension: dimension.key,
    kind: dimension.kind,
    values: valuesOf(dimension),
  }));
}
