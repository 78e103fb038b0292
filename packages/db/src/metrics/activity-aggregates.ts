/**
 * Compiles activity aggregates (count, count distinct) for many nodes into one grouped
 * scan: each distinct aggregate becomes a `FILTER` column, each period a bucket found by
 * `width_bucket` over the period boundaries (cut in the workspace time zone by core).
 * Never one query per node or per period.
 */
import { DomainError, type DimensionFilter } from '@treeline/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CountingPolicy, Database } from '../schema/database';

export interface ActivityAggregate {
  type: 'count' | 'count_distinct';
  /** For count_distinct: the counted column. */
  column?: 'contact_id' | 'rep_id';
  filter: DimensionFilter;
}

/** Dimensions an activity aggregate can be filtered by, and the SQL each maps to. */
const ACTIVITY_DIMENSIONS: Record<string, (value: string) => RawBuilder<unknown>> = {
  channel: (value) => sql`channel = ${value}`,
  direction: (value) => sql`direction = ${value}`,
  automated: (value) => sql`automated = ${parseBoolean('automated', value)}`,
};

const DISTINCT_COLUMNS = { contact_id: sql.ref('contact_id'), rep_id: sql.ref('rep_id') } as const;

function parseBoolean(dimension: string, value: string): boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new DomainError('invalid_filter', `filter ${dimension}=${value}: expected true or false`, {
    dimension,
    value,
  });
}

function filterCondition(filter: DimensionFilter): RawBuilder<unknown> | null {
  const parts = Object.entries(filter).map(([dimension, value]) => {
    const compile = ACTIVITY_DIMENSIONS[dimension];
    if (!compile) {
      throw new DomainError(
        'unknown_dimension',
        `unknown dimension "${dimension}" for activities; known: ${Object.keys(ACTIVITY_DIMENSIONS).join(', ')}`,
        { dimension },
      );
    }
    return compile(value);
  });
  return parts.length === 0 ? null : sql.join(parts, sql` and `);
}

/** A stable identity, so nodes that share an aggregate share its column. */
export function aggregateKey(aggregate: ActivityAggregate): string {
  const filter = Object.keys(aggregate.filter)
    .sort()
    .map((k) => `${k}=${aggregate.filter[k]}`)
    .join('&');
  return `${aggregate.type}(${aggregate.column ?? '*'})[${filter}]`;
}

/**
 * Evaluates `aggregates` for every period delimited by `boundaries` (n + 1 ascending ISO
 * instants for n periods). Returns values[aggregateIndex][periodIndex]; a period with no
 * rows gets 0 for every aggregate.
 *
 * @example
 * await activityAggregates(db, { workspaceId, countingPolicy: 'all_touches',
 *   boundaries: ['2026-09-01T04:00:00Z', '2026-10-01T04:00:00Z'],
 *   aggregates: [{ type: 'count', filter: { channel: 'call' } }] }); // [[1234]]
 */
export async function activityAggregates(
  db: Kysely<Database>,
  request: {
    workspaceId: string;
    countingPolicy: CountingPolicy;
    boundaries: string[];
    aggregates: ActivityAggregate[];
  },
): Promise<number[][]> {
  const { boundaries, aggregates } = request;
  const periodCount = boundaries.length - 1;
  if (periodCount < 1 || aggregates.length === 0) return aggregates.map(() => []);
  const columns = aggregates.map((aggregate, index) => {
    const condition = filterCondition(aggregate.filter);
    const measure =
      aggregate.type === 'count'
        ? sql`count(*)`
        : sql`count(distinct ${DISTINCT_COLUMNS[aggregate.column ?? 'contact_id']})`;
    return condition
      ? sql`${measure} filter (where ${condition}) as ${sql.ref(`a${index}`)}`
      : sql`${measure} as ${sql.ref(`a${index}`)}`;
  });
  const policy = request.countingPolicy === 'manual_only' ? sql`and not automated` : sql``;
  const result = await sql<Record<string, number>>`
    select width_bucket(occurred_at, ${boundaries}::timestamptz[]) as bucket, ${sql.join(columns)}
    from activities
    where workspace_id = ${request.workspaceId}
      and excluded_reason is null ${policy}
      and occurred_at >= ${boundaries[0]}::timestamptz
      and occurred_at < ${boundaries[periodCount]}::timestamptz
    group by 1`.execute(db);
  const values = aggregates.map(() => new Array<number>(periodCount).fill(0));
  for (const row of result.rows) {
    const period = Number(row.bucket) - 1;
    if (period < 0 || period >= periodCount) continue;
    aggregates.forEach((_, index) => {
      values[index]![period] = Number(row[`a${index}`] ?? 0);
    });
  }
  return values;
}
