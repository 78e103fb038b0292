/**
 * Compiles every aggregate of one source into ONE grouped SQL statement. An inner select
 * reads each row once and computes its bucket (`width_bucket` over the period boundaries),
 * its dimension values and one boolean per distinct condition set; the outer select turns
 * each aggregate into a `FILTER` column, grouped by bucket — and, for splits, by grouping
 * sets of bucket × dimension, so the totals and every split come from the same scan.
 * Timestamps a source is placed by (contacts: created, qualified, customer) are unpivoted
 * with a lateral VALUES list, so they share the scan too.
 */
import type { AggregateSpec, Condition, PeriodBuckets } from '@treeline/core';
import { type RawBuilder, sql } from 'kysely';
import { sourceDimension } from './dimension-sql';
import {
  countedActivityCondition,
  type DimensionJoin,
  JOINED_CONTACTS_ALIAS,
  REPS_ALIAS,
  type ScanContext,
  sourceSchema,
} from './metric-sources';

export interface CompiledScan {
  query: RawBuilder<ScanRow>;
  /** Output column of each aggregate key. */
  columnOf: Map<string, string>;
  /** The `at_key` number rows of each timestamp carry. */
  atKeyOf: Map<string, number>;
  /** Split dimensions, in the order of columns d0, d1…; grouping flags are g0, g1… */
  splits: string[];
}

/** A result row: at_key, bucket, d<i>/g<i> per split, m<i> per aggregate. */
export type ScanRow = Record<string, unknown>;

/** Collects distinct SQL fragments under generated names, so equal ones are computed once. */
class Named {
  readonly items: Array<{ name: string; sql: RawBuilder<unknown> }> = [];
  private readonly byKey = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  name(key: string, build: () => RawBuilder<unknown>): string {
    let name = this.byKey.get(key);
    if (!name) {
      name = `${this.prefix}${this.items.length}`;
      this.byKey.set(key, name);
      this.items.push({ name, sql: build() });
    }
    return name;
  }
}

const and = (parts: RawBuilder<unknown>[]) =>
  parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);

/**
 * @example
 * const scan = compileSourceScan('activities', aggregates, { splits: ['team'], stockKeys: new Set(), buckets, context });
 * const { rows } = await scan.query.execute(db);
 */
export function compileSourceScan(
  source: AggregateSpec['source'],
  aggregates: ReadonlyMap<string, AggregateSpec>,
  options: {
    splits: readonly string[];
    /** Aggregates that need the rows before the first boundary (stocks). */
    stockKeys: ReadonlySet<string>;
    buckets: PeriodBuckets;
    context: ScanContext;
  },
): CompiledScan {
  const schema = sourceSchema(source);
  const { context, buckets } = options;
  const alias = schema.alias;
  const boundaries = sql`${buckets.boundaries}::timestamptz[]`;
  const first = sql`${buckets.boundaries[0]}::timestamptz`;
  const last = sql`${buckets.boundaries.at(-1)}::timestamptz`;

  const joins = new Set<DimensionJoin>();
  const dimension = (name: string) => {
    const found = sourceDimension(source, name);
    if (found.join) joins.add(found.join);
    return found;
  };
  const conditionSql = (conditions: readonly Condition[]) =>
    conditions.map(([name, value]) => dimension(name).condition(value));

  // Timestamps: one directly, several unpivoted so each row counts once per timestamp.
  const ats = [...new Set([...aggregates.values()].map((a) => a.at))];
  const atKeyOf = new Map(ats.map((at, index) => [at, index]));
  const stockAts = new Set(
    [...aggregates.entries()].filter(([key]) => options.stockKeys.has(key)).map(([, a]) => a.at),
  );
  const timeOf = (at: string) => schema.times[at]!(context);
  let atKey: RawBuilder<unknown>;
  let ts: RawBuilder<unknown>;
  let unpivot: RawBuilder<unknown> = sql``;
  let lowerBound: RawBuilder<unknown>;
  if (ats.length === 1) {
    const at = ats[0]!;
    atKey = sql.lit(0);
    ts = timeOf(at);
    lowerBound = stockAts.has(at) ? sql`true` : sql`${ts} >= ${first}`;
  } else {
    const rows = ats.map((at, index) => sql`(${sql.lit(index)}, ${timeOf(at)})`);
    unpivot = sql`cross join lateral (values ${sql.join(rows)}) as t(at_key, ts)`;
    atKey = sql.ref('t.at_key');
    ts = sql.ref('t.ts');
    const flowKeys = ats.filter((at) => !stockAts.has(at)).map((at) => sql.lit(atKeyOf.get(at)!));
    lowerBound =
      flowKeys.length === 0
        ? sql`true`
        : sql`(${ts} >= ${first} or t.at_key not in (${sql.join(flowKeys)}))`;
  }

  // First-touch lookups (contacts only), one grouped subquery per distinct touch filter:
  // each contact's first counted touch at or after its creation, for contacts created in
  // the range. One hash-joined pass over the activities instead of a lookup per contact,
  // so activities need no (contact, time) index (decision 0019).
  const touches = new Named('ft');
  const touchLateral = (where: readonly Condition[]) =>
    touches.name(JSON.stringify(where), () => {
      return sql`(
        select a.contact_id, min(a.occurred_at) as first_at
        from activities a
        join contacts ftc on ftc.workspace_id = a.workspace_id and ftc.id = a.contact_id
        where a.workspace_id = ${context.workspaceId}
          and ${countedActivityCondition('a', context)}
          and a.occurred_at >= ftc.created_at
          and ${and(where.map(([name, value]) => sourceDimension('activities', name).condition(value)))}
          and ftc.created_at >= ${first} and ftc.created_at < ${last}
        group by a.contact_id
      )`;
    });

  const flags = new Named('f');
  const values = new Named('v');
  const measures: RawBuilder<unknown>[] = [];
  const columnOf = new Map<string, string>();
  for (const [key, aggregate] of aggregates) {
    const column = `m${columnOf.size}`;
    columnOf.set(key, column);
    const conditions = conditionSql(aggregate.where);
    if (aggregate.converted) {
      const { columns, withinDays, where } = aggregate.converted;
      const convertedAt =
        columns.length === 1 ? timeOf(columns[0]!) : sql`least(${sql.join(columns.map(timeOf))})`;
      conditions.push(sql`${convertedAt} is not null`);
      if (withinDays !== null) {
        // Days of 24 hours: the session time zone never shifts the window.
        conditions.push(
          sql`${convertedAt} <= ${timeOf(aggregate.at)} + make_interval(secs => ${withinDays * 86_400})`,
        );
      }
      conditions.push(...conditionSql(where));
    }
    const flag = flags.name(JSON.stringify([aggregate.where, aggregate.converted]), () =>
      and(conditions),
    );
    let value: string | null = null;
    if (aggregate.firstTouch) {
      const lateral = touchLateral(aggregate.firstTouch.where);
      value = values.name(
        `first_touch:${lateral}`,
        () =>
          sql`extract(epoch from (${sql.ref(`${lateral}.first_at`)} - ${sql.ref(`${alias}.created_at`)}))::float8`,
      );
    } else if (aggregate.column !== null) {
      const measured = schema.columns[aggregate.column]!;
      value = values.name(`column:${aggregate.column}`, () => measured);
    }
    const where = sql`s.at_key = ${sql.lit(atKeyOf.get(aggregate.at)!)} and ${sql.ref(`s.${flag}`)}`;
    const v = value === null ? null : sql.ref(`s.${value}`);
    let measure: RawBuilder<unknown>;
    switch (aggregate.measure) {
      case 'count':
        measure = sql`count(*) filter (where ${where})`;
        break;
      case 'count_distinct':
        measure = sql`count(distinct ${v}) filter (where ${where})`;
        break;
      case 'sum':
        measure = sql`sum(${v}) filter (where ${where})`;
        break;
      case 'avg':
        measure = sql`avg(${v}) filter (where ${where})`;
        break;
      case 'percentile':
        measure = sql`percentile_cont(${aggregate.percentile}::float8) within group (order by ${v}) filter (where ${where} and ${v} is not null)`;
        break;
      case 'distinct_values':
        // Distinct on the column's own type, then text: ids sort as numbers, several times
        // faster than as collated text over millions of rows; the set is the same.
        measure = sql`(array_agg(distinct ${v}) filter (where ${where} and ${v} is not null))::text[]`;
        break;
    }
    measures.push(sql`${measure} as ${sql.ref(column)}`);
  }

  const splits = [...options.splits];
  const splitColumns = splits.map(
    (name, index) => sql`${dimension(name).value} as ${sql.ref(`d${index}`)}`,
  );

  const joinSql: RawBuilder<unknown>[] = [];
  if (joins.has('reps')) {
    const on = schema.joins.reps!;
    joinSql.push(sql`left join reps as ${sql.ref(REPS_ALIAS)} on ${on}`);
  }
  if (joins.has('contacts')) {
    const on = schema.joins.contacts!;
    joinSql.push(sql`left join contacts as ${sql.ref(JOINED_CONTACTS_ALIAS)} on ${on}`);
  }
  for (const touch of touches.items) {
    joinSql.push(
      sql`left join ${touch.sql} as ${sql.ref(touch.name)} on ${sql.ref(`${touch.name}.contact_id`)} = ${sql.ref(`${alias}.id`)}`,
    );
  }

  const innerColumns = [
    sql`${atKey} as at_key`,
    sql`width_bucket(${ts}, ${boundaries}) as bucket`,
    ...splitColumns,
    ...flags.items.map((f) => sql`(${f.sql}) as ${sql.ref(f.name)}`),
    ...values.items.map((v) => sql`${v.sql} as ${sql.ref(v.name)}`),
  ];
  const inner = sql`
    select ${sql.join(innerColumns)}
    from ${sql.table(schema.table)} as ${sql.ref(alias)}
    ${sql.join(joinSql, sql` `)}
    ${unpivot}
    where ${schema.baseCondition(context)}
      and ${ts} < ${last}
      and ${lowerBound}`;

  const grouping =
    splits.length === 0
      ? sql`s.at_key, s.bucket`
      : sql`grouping sets ((s.at_key, s.bucket), ${sql.join(
          splits.map((_, index) => sql`(s.at_key, s.bucket, ${sql.ref(`s.d${index}`)})`),
        )})`;
  const outerColumns = [
    sql`s.at_key`,
    sql`s.bucket`,
    ...splits.flatMap((_, index) => [
      sql.ref(`s.d${index}`),
      sql`grouping(${sql.ref(`s.d${index}`)}) as ${sql.ref(`g${index}`)}`,
    ]),
    ...measures,
  ];
  const query = sql<ScanRow>`
    select ${sql.join(outerColumns)}
    from (${inner}) as s
    group by ${grouping}`;
  return { query, columnOf, atKeyOf, splits };
}
