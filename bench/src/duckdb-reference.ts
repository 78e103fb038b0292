/**
 * The DuckDB reference: the same aggregates the tree's metrics need, computed by DuckDB
 * from the raw rows (activities, contacts, capacity) exported once from PostgreSQL. The
 * export is cached in bench/data/ (keyed by workspace and data version) and loaded into an
 * in-memory DuckDB; only the grouped queries are timed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Workspace } from '@treeline/db';

const dataDir = new URL('../data/', import.meta.url).pathname;

/** Per period (bucket 1…n): what the activity-tree metrics are computed from. */
export interface DuckAggregates {
  activities: number[];
  byChannel: Record<string, number[]>;
  outbound: number[];
  outboundReplied: number[];
  outboundMeeting: number[];
  activeContacts: number[];
  activityReps: Array<Set<number>>;
  sellingHours: Array<number | null>;
  capacityReps: Array<Set<number>>;
  firstTouchMedianSeconds: Array<number | null>;
}

export interface DuckReference {
  /** Export from PostgreSQL to Parquet, ms (null: reused from an earlier run). */
  exportMs: number | null;
  connection: DuckDBConnection;
  /** Runs the grouped queries over the given period boundaries (ISO instants, ascending). */
  aggregate(boundaries: string[]): Promise<DuckAggregates>;
  close(): void;
}

const CHANNELS = ['call', 'email', 'meeting', 'social', 'task', 'note'];

function psqlCopy(url: string, query: string, file: string): void {
  execFileSync(
    'psql',
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-qc',
      `\\copy (${query}) to '${file}' with (format csv, header)`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PGTZ: 'UTC' } },
  );
}

/**
 * Exports (when needed) and loads the raw rows of the workspace into DuckDB.
 * @example const duck = await openDuckReference(url, workspace, 7); await duck.aggregate(boundaries);
 */
export async function openDuckReference(
  url: string,
  workspace: Workspace,
  log: (line: string) => void,
): Promise<DuckReference> {
  mkdirSync(dataDir, { recursive: true });
  const manifestFile = `${dataDir}manifest.json`;
  const key = JSON.stringify({ workspace: workspace.id, dataVersion: workspace.data_version });
  const parquet = (name: string) => `${dataDir}${name}.parquet`;
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  let exportMs: number | null = null;
  const fresh =
    existsSync(manifestFile) &&
    readFileSync(manifestFile, 'utf8') === key &&
    ['activities', 'contacts', 'capacity'].every((name) => existsSync(parquet(name)));
  if (!fresh) {
    log('exporting the raw rows to Parquet for DuckDB…');
    const start = performance.now();
    const ws = `'${workspace.id}'::uuid`;
    const tables: Array<[string, string, string]> = [
      [
        'activities',
        `select contact_id, rep_id, channel, direction, automated, replied, meeting_booked,
           excluded_reason, (extract(epoch from occurred_at) * 1000000)::int8 as occurred_us
         from activities where workspace_id = ${ws}`,
        `{'contact_id': 'BIGINT', 'rep_id': 'BIGINT', 'channel': 'VARCHAR', 'direction': 'VARCHAR',
          'automated': 'BOOLEAN', 'replied': 'BOOLEAN', 'meeting_booked': 'BOOLEAN',
          'excluded_reason': 'VARCHAR', 'occurred_us': 'BIGINT'}`,
      ],
      [
        'contacts',
        `select id, (extract(epoch from created_at) * 1000000)::int8 as created_us,
           deleted_at is not null as deleted
         from contacts where workspace_id = ${ws}`,
        `{'id': 'BIGINT', 'created_us': 'BIGINT', 'deleted': 'BOOLEAN'}`,
      ],
      [
        'capacity',
        `select rep_id, day::text as day, selling_hours::text as selling_hours
         from capacity where workspace_id = ${ws}`,
        `{'rep_id': 'BIGINT', 'day': 'DATE', 'selling_hours': 'DECIMAL(6,2)'}`,
      ],
    ];
    for (const [name, query, columns] of tables) {
      const csv = `${dataDir}${name}.csv`;
      psqlCopy(url, query.replace(/\s+/g, ' '), csv);
      await connection.run(
        `copy (select * from read_csv('${csv}', header = true, columns = ${columns}))
         to '${parquet(name)}' (format parquet)`,
      );
      rmSync(csv);
    }
    writeFileSync(manifestFile, key);
    exportMs = performance.now() - start;
    log(`exported in ${(exportMs / 1000).toFixed(1)} s`);
  }
  for (const name of ['activities', 'contacts', 'capacity']) {
    await connection.run(`create table ${name} as select * from read_parquet('${parquet(name)}')`);
  }
  const counted = (alias: string) =>
    workspace.counting_policy === 'manual_only'
      ? `${alias}.excluded_reason is null and not ${alias}.automated`
      : `${alias}.excluded_reason is null`;
  const timeZone = workspace.time_zone.replace(/'/g, "''");

  return {
    exportMs,
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
    async aggregate(boundaries) {
      const us = boundaries.map((b) => BigInt(Date.parse(b)) * 1000n);
      const n = boundaries.length - 1;
      const first = us[0]!;
      const last = us.at(-1)!;
      // The bucket of an instant, exact and cheap: an arithmetic guess from the mean period
      // length, corrected by one against the real boundaries (a week with a DST change is
      // 167 or 169 hours; nothing here is more than one period off).
      const step = (last - first) / BigInt(n);
      us.forEach((b, i) => {
        const guess = Number((b - first) / step);
        if (Math.abs(guess - i) > 1) throw new Error('periods too uneven for the DuckDB bucketing');
      });
      const list = `([${us.join(', ')}]::BIGINT[])`;
      const bucketed = (column: string, from: string) => `(
          select *, case when ${column} < ${list}[g + 1] then g
                         when ${column} >= ${list}[g + 2] then g + 2 else g + 1 end as b
          from (select *, least(greatest((${column} - ${first}) // ${step}, 0), ${n - 1}) as g
                from ${from} where ${column} >= ${first} and ${column} < ${last}) guessed
        )`;
      // One connection runs one statement at a time; DuckDB parallelises each over its threads.
      const activities = await connection.runAndReadAll(`
          select b,
            count(*) as n,
            ${CHANNELS.map((c) => `count(*) filter (where channel = '${c}') as "n_${c}"`).join(',\n')},
            count(*) filter (where direction = 'outbound') as n_out,
            count(*) filter (where direction = 'outbound' and replied) as n_out_replied,
            count(*) filter (where direction = 'outbound' and meeting_booked) as n_out_meeting,
            count(distinct contact_id) as contacts,
            list(distinct rep_id) filter (where rep_id is not null) as reps
          from ${bucketed('occurred_us', `(select * from activities a where ${counted('a')}) a`)} a
          group by b`);
      const capacity = await connection.runAndReadAll(`
          select b, sum(selling_hours)::double as hours,
            list(distinct rep_id) filter (where selling_hours > 0) as reps
          from ${bucketed(
            'noon_us',
            `(select *, epoch_us(timezone('${timeZone}', day::timestamp + interval 12 hour)) as noon_us
              from capacity) k`,
          )} k
          group by b`);
      const contacts = await connection.runAndReadAll(`
          select b, quantile_cont(x.latency_us / 1e6, 0.5) as median
          from ${bucketed(
            'created_us',
            `(select c.id, c.created_us, min(a.occurred_us) - c.created_us as latency_us
              from contacts c
              join activities a on a.contact_id = c.id and a.occurred_us >= c.created_us
              where not c.deleted and c.created_us >= ${first} and c.created_us < ${last}
                and ${counted('a')}
                and a.direction = 'outbound'
              group by c.id, c.created_us) x`,
          )} x
          group by b`);
      const zeros = () => Array.from({ length: n }, () => 0);
      const result: DuckAggregates = {
        activities: zeros(),
        byChannel: Object.fromEntries(CHANNELS.map((c) => [c, zeros()])),
        outbound: zeros(),
        outboundReplied: zeros(),
        outboundMeeting: zeros(),
        activeContacts: zeros(),
        activityReps: Array.from({ length: n }, () => new Set<number>()),
        sellingHours: Array.from({ length: n }, () => null),
        capacityReps: Array.from({ length: n }, () => new Set<number>()),
        firstTouchMedianSeconds: Array.from({ length: n }, () => null),
      };
      const num = (v: unknown) => Number(v);
      const ids = (v: unknown) => new Set(((v as unknown[] | null) ?? []).map(num));
      for (const row of activities.getRowObjectsJS()) {
        const i = num(row.b) - 1;
        result.activities[i] = num(row.n);
        for (const c of CHANNELS) result.byChannel[c]![i] = num(row[`n_${c}`]);
        result.outbound[i] = num(row.n_out);
        result.outboundReplied[i] = num(row.n_out_replied);
        result.outboundMeeting[i] = num(row.n_out_meeting);
        result.activeContacts[i] = num(row.contacts);
        result.activityReps[i] = ids(row.reps);
      }
      for (const row of capacity.getRowObjectsJS()) {
        const i = num(row.b) - 1;
        result.sellingHours[i] = row.hours === null ? null : num(row.hours);
        result.capacityReps[i] = ids(row.reps);
      }
      for (const row of contacts.getRowObjectsJS()) {
        result.firstTouchMedianSeconds[num(row.b) - 1] =
          row.median === null ? null : num(row.median);
      }
      return result;
    },
  };
}

const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : a / b;

/**
 * A node's value per period from DuckDB's aggregates, for the metrics of the activity tree;
 * null when the metric is not one this reference knows (it is then not compared).
 */
export function duckNodeSeries(
  metricKey: string,
  filter: Record<string, unknown>,
  agg: DuckAggregates,
): Array<number | null> | null {
  const keys = Object.keys(filter);
  const channel = keys.length === 1 && typeof filter.channel === 'string' ? filter.channel : null;
  if (keys.length > 0 && channel === null) return null;
  const activities = channel === null ? agg.activities : agg.byChannel[channel];
  if (!activities) return null;
  const reps = agg.activityReps.map((set, i) => new Set([...set, ...agg.capacityReps[i]!]).size);
  const perPeriod = (f: (i: number) => number | null) => activities.map((_, i) => f(i));
  switch (metricKey) {
    case 'activity_per_contact':
      return perPeriod((i) => ratio(activities[i]!, agg.activeContacts[i]!));
    case 'touches_per_selling_hour':
      return perPeriod((i) => ratio(activities[i]!, agg.sellingHours[i] ?? null));
    case 'meeting_rate':
      return channel ? null : perPeriod((i) => ratio(agg.outboundMeeting[i]!, agg.outbound[i]!));
    case 'reply_rate':
      return channel ? null : perPeriod((i) => ratio(agg.outboundReplied[i]!, agg.outbound[i]!));
    case 'activity_per_rep':
      return channel ? null : perPeriod((i) => ratio(agg.activities[i]!, reps[i]!));
    case 'active_contacts_per_rep':
      return channel ? null : perPeriod((i) => ratio(agg.activeContacts[i]!, reps[i]!));
    case 'selling_hours_per_rep':
      return channel ? null : perPeriod((i) => ratio(agg.sellingHours[i] ?? null, reps[i]!));
    case 'lead_response_time_median':
      return channel ? null : perPeriod((i) => agg.firstTouchMedianSeconds[i] ?? null);
    default:
      return null;
  }
}
