import { CUSTOM_PROPERTY_SOURCES, DIMENSIONS, type MetricSource } from '@treeline/core';
import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { sourceDimension } from './dimension-sql';
import { JOINED_CONTACTS_ALIAS, REPS_ALIAS, sourceSchema } from './metric-sources';
import { insertMetricsFixture, type MetricsFixture } from './metrics-fixture.test-helpers';

/** Every (dimension, source) pair core's catalog names, custom properties included. */
const PAIRS: Array<[string, MetricSource]> = [
  ...DIMENSIONS.flatMap((d) =>
    d.sources.map((source) => [d.key, source] as [string, MetricSource]),
  ),
  ...CUSTOM_PROPERTY_SOURCES.map(
    (source) => ['properties.industry', source] as [string, MetricSource],
  ),
];

const SAMPLE: Record<string, string> = { enum: '', boolean: 'true', id: '1', text: 'A' };

describe.each(databaseKindsUnderTest())('the SQL of every catalog dimension on %s', (kind) => {
  let t: TestDatabase;
  let fixture: MetricsFixture;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    fixture = await insertMetricsFixture(t.db);
  });
  afterAll(() => t.close());

  const contextOf = () => ({
    workspaceId: fixture.workspace.id,
    timeZone: fixture.workspace.time_zone,
    countingPolicy: fixture.workspace.counting_policy,
  });

  /** How many rows of the source a metric counts. */
  const counted = async (source: MetricSource) => {
    const schema = sourceSchema(source);
    const { rows } = await sql<{ rows: number | string }>`
      select count(*) as rows from ${sql.table(schema.table)} as ${sql.ref(schema.alias)}
      where ${schema.baseCondition(contextOf())}`.execute(t.db);
    return Number(rows[0]!.rows);
  };

  /** The source's rows split by the dimension (and filtered by it when `filter` is given). */
  const split = async (name: string, source: MetricSource, filter: string | null) => {
    const schema = sourceSchema(source);
    const dimension = sourceDimension(source, name);
    const joins: RawBuilder<unknown>[] = [];
    if (dimension.join === 'reps') {
      joins.push(sql`left join reps as ${sql.ref(REPS_ALIAS)} on ${schema.joins.reps!}`);
    }
    if (dimension.join === 'contacts') {
      joins.push(
        sql`left join contacts as ${sql.ref(JOINED_CONTACTS_ALIAS)} on ${schema.joins.contacts!}`,
      );
    }
    const { rows } = await sql<{ value: string | null; rows: number | string }>`
      select ${dimension.value} as value, count(*) as rows
      from ${sql.table(schema.table)} as ${sql.ref(schema.alias)}
      ${sql.join(joins, sql` `)}
      where ${schema.baseCondition(contextOf())}
        and ${filter === null ? sql`true` : dimension.condition(filter)}
      group by 1`.execute(t.db);
    return rows;
  };

  it.each(PAIRS)(
    '%s on %s partitions the rows into values the catalog allows',
    async (name, source) => {
      const spec = DIMENSIONS.find((d) => d.key === name);
      const kindOf = spec?.kind ?? 'text';
      const rows = await split(name, source, null);
      // The split partitions the source's rows: a join neither drops nor repeats one.
      const total = rows.reduce((sum, row) => sum + Number(row.rows), 0);
      expect(total).toBe(await counted(source));
      for (const { value } of rows) {
        if (value === null) continue;
        if (kindOf === 'enum') expect(spec?.values?.map((o) => o.value)).toContain(value);
        if (kindOf === 'boolean') expect(['true', 'false']).toContain(value);
        if (kindOf === 'id') expect(value).toMatch(/^[0-9]+$/);
      }
      // A filter on one value keeps only that value's rows ('closed' and 'open' deals aside).
      const sample = kindOf === 'enum' ? spec!.values![0]!.value : SAMPLE[kindOf]!;
      const filtered = await split(name, source, sample);
      const expected = rows.find((row) => row.value === sample);
      expect(filtered.map((row) => [row.value, Number(row.rows)])).toEqual(
        expected ? [[sample, Number(expected.rows)]] : [],
      );
    },
  );
});
