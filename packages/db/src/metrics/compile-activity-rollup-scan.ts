/**
 * Compiles the aggregates of an activities scan against the activity rollup instead of the
 * raw rows, when the rollup can answer them all: counts become sums of the rollup's
 * `activities`, distinct contacts and reps are counted over its rows. The statement walks
 * the periods and aggregates each one's run of days through a lateral subquery, so a
 * period's distinct counts sort only that period's (nearly sorted) rows, instead of one
 * sort of every row by period. Results have the shape of compileSourceScan's, so they are
 * filed the same way.
 */
import type { AggregateSpec, Condition } from '@treeline/core';
import { type RawBuilder, sql } from 'kysely';
import type { CompiledScan, ScanRow } from './compile-source-scan';
import { sourceDimension } from './dimension-sql';
import {
  type DimensionJoin,
  JOINED_CONTACTS_ALIAS,
  REPS_ALIAS,
  type ScanContext,
  sourceSchema,
} from './metric-sources';

/** Dimensions of an activity row itself that the rollup keeps (source_system it does not). */
const ROLLUP_ROW_DIMENSIONS = new Set([
  'channel',
  'direction',
  'automated',
  'replied',
  'meeting_booked',
  'rep',
]);
/**
 * Dimensions that hold for all of a rep's rows of a day (with the automated flag, which
 * first_of_rep_day is kept per): a distinct count of reps narrowed by these alone needs
 * only the rows flagged first_of_rep_day.
 */
const REP_DAY_DIMENSIONS = new Set(['rep', 'team', 'rep_segment', 'automated']);
/** Activity columns the rollup keeps (what distinct counts and sets can measure). */
const ROLLUP_COLUMNS = new Set(['contact_id', 'rep_id']);

function rollupHasDimension(name: string): boolean {
  // Joined dimensions (team, segment, source, custom properties…) join on the rollup's
  // rep_id and contact_id as they do on the activity's.
  return sourceDimension('activities', name).join !== null || ROLLUP_ROW_DIMENSIONS.has(name);
}

/**
 * True when the rollup holds everything the aggregates and splits read: flows (not stocks)
 * of counts, distinct counts and distinct sets of contacts or reps, placed by occurred_at,
 * filtered and split by dimensions the rollup keeps or joins.
 *
 * @example
 * activityRollupCanAnswer(aggregates, ['team'], new Set()); // true for the activity tree
 */
export function activityRollupCanAnswer(
  aggregates: ReadonlyMap<string, AggregateSpec>,
  splits: readonly string[],
  stockKeys: ReadonlySet<string>,
): boolean {
  if (!splits.every(rollupHasDimension)) return false;
  for (const [key, spec] of aggregates) {
    if (spec.source !== 'activities' || spec.at !== 'occurred_at' || stockKeys.has(key)) {
      return false;
    }
    if (spec.converted !== null || spec.firstTouch !== null) return false;
    if (!['count', 'count_distinct', 'distinct_values'].includes(spec.measure)) return false;
    if (spec.column !== null && !ROLLUP_COLUMNS.has(spec.column)) return false;
    if (!spec.where.every(([name]) => rollupHasDimension(name))) return false;
  }
  return true;
}

const and = (parts: RawBuilder<unknown>[]) =>
  parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);

/**
 * The scan of `aggregates` over the rollup; `days` are the local days of the period
 * boundaries (see activityRollupDays), bucket b being [days[b-1], days[b]).
 *
 * @example
 * const days = await activityRollupDays(db, workspace.id, workspace.time_zone, buckets.boundaries);
 * if (days && activityRollupCanAnswer(aggregates, splits, stockKeys)) {
 *   const { rows } = await compileActivityRollupScan(aggregates, { splits, days, context }).query.execute(db);
 * }
 */
export function compileActivityRollupScan(
  aggregates: ReadonlyMap<string, AggregateSpec>,
  options: { splits: readonly string[]; days: readonly string[]; context: ScanContext },
): CompiledScan {
  const { context, days } = options;
  const schema = sourceSchema('activities');
  const joins = new Set<DimensionJoin>();
  const dimension = (name: string) => {
    const found = sourceDimension('activities', name);
    if (found.join) joins.add(found.join);
    return found;
  };
  const conditionSql = (conditions: readonly Condition[]) =>
    conditions.map(([name, value]) => dimension(name).condition(value));

  // One boolean per distinct condition set, one value column per measured column.
  const flags = new Map<string, { name: string; sql: RawBuilder<unknown> }>();
  const flagOf = (where: readonly Condition[], repDay: boolean) => {
    const key = JSON.stringify([where, repDay]);
    let flag = flags.get(key);
    if (!flag) {
      const conditions = conditionSql(where);
      if (repDay) conditions.push(sql`a.first_of_rep_day`);
      flag = { name: `f${flags.size}`, sql: and(conditions) };
      flags.set(key, flag);
    }
    return flag.name;
  };
  const splitsByRepDay = options.splits.every((name) => REP_DAY_DIMENSIONS.has(name));
  const measures: RawBuilder<unknown>[] = [];
  const columnOf = new Map<string, string>();
  for (const [key, aggregate] of aggregates) {
    const column = `m${columnOf.size}`;
    columnOf.set(key, column);
    const repDay =
      aggregate.column === 'rep_id' &&
      splitsByRepDay &&
      aggregate.where.every(([name]) => REP_DAY_DIMENSIONS.has(name));
    const flag = sql.ref(`s.${flagOf(aggregate.where, repDay)}`);
    const value = aggregate.column === null ? null : sql.ref(`s.${aggregate.column}`);
    let measure: RawBuilder<unknown>;
    switch (aggregate.measure) {
      case 'count':
        // A period with no rows counts 0, as count(*) does.
        measure = sql`coalesce(sum(s.activities) filter (where ${flag}), 0)`;
        break;
      case 'count_distinct':
        measure = sql`count(distinct ${value}) filter (where ${flag})`;
        break;
      case 'distinct_values':
        measure = sql`(array_agg(distinct ${value}) filter (where ${flag} and ${value} is not null))::text[]`;
        break;
      default:
        throw new Error(`the activity rollup cannot compute ${aggregate.measure}`);
    }
    measures.push(sql`${measure} as ${sql.ref(column)}`);
  }

  const splits = [...options.splits];
  const splitColumns = splits.map(
    (name, index) => sql`${dimension(name).value} as ${sql.ref(`d${index}`)}`,
  );
  const joinSql: RawBuilder<unknown>[] = [];
  if (joins.has('reps')) {
    joinSql.push(sql`left join reps as ${sql.ref(REPS_ALIAS)} on ${schema.joins.reps!}`);
  }
  if (joins.has('contacts')) {
    joinSql.push(
      sql`left join contacts as ${sql.ref(JOINED_CONTACTS_ALIAS)} on ${schema.joins.contacts!}`,
    );
  }
  const policy = context.countingPolicy === 'manual_only' ? sql`and not a.automated` : sql``;
  const rowColumns = [
    sql`a.activities`,
    sql`a.contact_id`,
    sql`a.rep_id`,
    ...splitColumns,
    ...[...flags.values()].map((f) => sql`(${f.sql}) as ${sql.ref(f.name)}`),
  ];
  const grouping =
    splits.length === 0
      ? sql``
      : sql`group by grouping sets ((), ${sql.join(
          splits.map((_, index) => sql`(${sql.ref(`s.d${index}`)})`),
        )})`;
  const periodColumns = [
    ...splits.flatMap((_, index) => [
      sql.ref(`s.d${index}`),
      sql`grouping(${sql.ref(`s.d${index}`)}) as ${sql.ref(`g${index}`)}`,
    ]),
    ...measures,
  ];
  const query = sql<ScanRow>`
    select 0 as at_key, p.bucket, v.*
    from (
      select n as bucket, (${days}::date[])[n] as first_day, (${days}::date[])[n + 1] as end_day
      from generate_series(1, ${sql.lit(days.length - 1)}) as n
    ) as p
    cross join lateral (
      select ${sql.join(periodColumns)}
      from (
        select ${sql.join(rowColumns)}
        from activity_rollups as a
        ${sql.join(joinSql, sql` `)}
        where a.workspace_id = ${context.workspaceId}
          and a.day >= p.first_day and a.day < p.end_day ${policy}
      ) as s
      ${grouping}
    ) as v`;
  return { query, columnOf, atKeyOf: new Map([['occurred_at', 0]]), splits };
}
