/**
 * Ingestion benchmark: CSV files of reps, contacts and activities (generated once into
 * bench/data, deterministic) imported into a fresh PostgreSQL database through the whole
 * import path (`importCsv`: parse, map, validate, COPY into staging, checks, upsert,
 * exclusion marking, any rollups, import record and event), against a bare COPY of the
 * same activities file into an unindexed table, in the same run. Peak RSS is sampled.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ColumnMapping } from '@treeline/core';
import {
  createWorkspace,
  type Database,
  type ImportDeps,
  type ImportResult,
  importCsv,
  migrateToLatest,
  openDatabase,
} from '@treeline/db';
import { type Kysely, sql } from 'kysely';

const dataDir = new URL('../data/', import.meta.url).pathname;

export interface IngestSizes {
  activities: number;
  contacts: number;
  reps: number;
}

export interface IngestStep {
  rows: number;
  ms: number;
  rowsPerSecond: number;
}

export interface IngestResult {
  database: 'postgres' | 'pglite';
  sizes: IngestSizes;
  fileBytes: number;
  reps: IngestStep;
  contacts: IngestStep;
  bareCopy: IngestStep | null;
  activities: IngestStep & {
    excluded: ImportResult['excluded'];
    peakRssMb: number;
    phases: Record<string, number>;
  };
  reimport: IngestStep & { unchanged: number; phases: Record<string, number> };
  /** A day of new activities (1% of the file) into the workspace that holds the file. */
  incremental: IngestStep & { inserted: number; phases: Record<string, number> };
}

const CHANNELS = ['Call', 'Email', 'Email', 'Email', 'Meeting', 'Task', 'Note', 'Social'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeLines(
  path: string,
  header: string,
  count: number,
  line: (i: number) => string,
) {
  const out = createWriteStream(path);
  let chunk = `${header}\n`;
  for (let i = 0; i < count; i++) {
    chunk += `${line(i)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Writes the three CSV files unless they exist already; returns their paths. */
export async function ensureIngestFiles(sizes: IngestSizes, log: (line: string) => void) {
  mkdirSync(dataDir, { recursive: true });
  const tag = `${sizes.activities}`;
  const paths = {
    reps: `${dataDir}ingest-reps-${sizes.reps}.csv`,
    contacts: `${dataDir}ingest-contacts-${sizes.contacts}.csv`,
    activities: `${dataDir}ingest-activities-${tag}.csv`,
    nextDay: `${dataDir}ingest-activities-${tag}-next-day.csv`,
  };
  if (!existsSync(paths.reps)) {
    await writeLines(
      paths.reps,
      'Rep ID,Name,Team',
      sizes.reps,
      (i) => `r${i},Rep ${i},Team ${String.fromCharCode(65 + (i % 6))}`,
    );
  }
  if (!existsSync(paths.contacts)) {
    const rnd = random(11);
    await writeLines(
      paths.contacts,
      'Contact ID,Created,Stage,Source,Segment,Owner',
      sizes.contacts,
      (i) => {
        const created = new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 365 * 86_400_000));
        const segment = ['smb', 'mid_market', 'enterprise'][i % 3];
        return `c${i},${created.toISOString()},lead,${['organic_search', 'paid_search', 'referral', 'events'][i % 4]},${segment},r${i % sizes.reps}`;
      },
    );
  }
  if (!existsSync(paths.activities)) {
    log(`writing ${sizes.activities.toLocaleString('en-US')} activities to ${paths.activities}`);
    const rnd = random(7);
    const start = Date.UTC(2025, 10, 1);
    const span = 390 * 86_400_000;
    let previous = '';
    await writeLines(
      paths.activities,
      'Activity ID,Contact ID,Rep ID,Type,Occurred At,Direction,Automated,Deleted',
      sizes.activities,
      (i) => {
        // 1% are a sync's copy of the row before (another id, 30 s later): duplicates.
        if (previous && rnd() < 0.01) {
          const [, contact, rep, type, at, direction] = previous.split(',');
          const later = new Date(Date.parse(at as string) + 30_000).toISOString();
          return `sync-${i},${contact},${rep},${type},${later},${direction},false,`;
        }
        const contact = rnd() < 0.005 ? '' : `c${Math.floor(rnd() * sizes.contacts)}`;
        const type = CHANNELS[Math.floor(rnd() * CHANNELS.length)] as string;
        const at = new Date(start + Math.floor(rnd() * span)).toISOString();
        const automated = type === 'Email' && rnd() < 0.3;
        const deleted = rnd() < 0.003 ? at : '';
        const row = `a${i},${contact},r${Math.floor(rnd() * sizes.reps)},${type},${at},${rnd() < 0.8 ? 'outbound' : 'inbound'},${automated},${deleted}`;
        previous = row;
        return row;
      },
    );
  }
  if (!existsSync(paths.nextDay)) {
    // The day after the file's last one: 1% of its size, new ids, the same shape.
    const rnd = random(13);
    const dayStart = Date.UTC(2025, 10, 1) + 390 * 86_400_000;
    await writeLines(
      paths.nextDay,
      'Activity ID,Contact ID,Rep ID,Type,Occurred At,Direction,Automated,Deleted',
      Math.max(1, Math.round(sizes.activities / 100)),
      (i) => {
        const type = CHANNELS[Math.floor(rnd() * CHANNELS.length)] as string;
        const at = new Date(dayStart + Math.floor(rnd() * 86_400_000)).toISOString();
        return `next-${i},c${Math.floor(rnd() * sizes.contacts)},r${Math.floor(rnd() * sizes.reps)},${type},${at},outbound,false,`;
      },
    );
  }
  return paths;
}

const REPS_MAPPING: ColumnMapping = {
  entity: 'reps',
  fields: { externalId: { column: 'Rep ID' }, name: { column: 'Name' }, team: { column: 'Team' } },
};
const CONTACTS_MAPPING: ColumnMapping = {
  entity: 'contacts',
  fields: {
    externalId: { column: 'Contact ID' },
    createdAt: { column: 'Created' },
    lifecycleStage: { column: 'Stage' },
    source: { column: 'Source' },
    segment: { column: 'Segment' },
    ownerRepExternalId: { column: 'Owner' },
  },
};
const ACTIVITIES_MAPPING: ColumnMapping = {
  entity: 'activities',
  fields: {
    externalId: { column: 'Activity ID' },
    contactExternalId: { column: 'Contact ID' },
    repExternalId: { column: 'Rep ID' },
    channel: {
      column: 'Type',
      values: {
        Call: 'call',
        Email: 'email',
        Meeting: 'meeting',
        Task: 'task',
        Note: 'note',
        Social: 'social',
      },
    },
    occurredAt: { column: 'Occurred At' },
    direction: { column: 'Direction' },
    automated: { column: 'Automated' },
    deletedAt: { column: 'Deleted' },
  },
};

/**
 * Runs the ingestion benchmark on a fresh database `url` (dropped and created).
 * @example await runIngestBenchmark('postgres://postgres@127.0.0.1:5432/treeline_ingest_bench', sizes, { log });
 */
export async function runIngestBenchmark(
  url: string,
  sizes: IngestSizes,
  options: { log: (line: string) => void },
): Promise<IngestResult> {
  const { log } = options;
  const paths = await ensureIngestFiles(sizes, log);
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = await openDatabase({
    kind: 'postgres',
    url: adminUrl.toString(),
    maxConnections: 1,
  });
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();

  const opened = await openDatabase({ kind: 'postgres', url, maxConnections: 3 });
  try {
    await migrateToLatest(opened.db);
    const workspace = await createWorkspace(opened.db, { slug: 'ingest', name: 'Ingest bench' });
    let phases: Record<string, number> = {};
    const deps: ImportDeps = {
      onPhase: (name, ms) => {
        phases[name] = (phases[name] ?? 0) + ms;
      },
      db: opened.db,
      copyFrom: opened.copyFrom,
    };
    const run = async (mapping: ColumnMapping, path: string) => {
      phases = {};
      await settle(opened.db);
      const started = performance.now();
      const result = await importCsv(deps, {
        workspaceId: workspace.id,
        origin: 'cli',
        mapping,
        source: createReadStream(path, { highWaterMark: 1 << 20 }),
        fileName: path,
      });
      const ms = performance.now() - started;
      if (result.status !== 'committed') {
        throw new Error(`${path}: ${result.message} ${JSON.stringify(result.errors.slice(0, 3))}`);
      }
      log(
        `  phases (ms): ${JSON.stringify(Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])))}`,
      );
      return {
        result,
        phases: { ...phases },
        step: { rows: result.rowsRead, ms, rowsPerSecond: result.rowsRead / (ms / 1000) },
      };
    };

    const reps = await run(REPS_MAPPING, paths.reps);
    log(`reps: ${reps.step.rows} in ${reps.step.ms.toFixed(0)} ms`);
    const contacts = await run(CONTACTS_MAPPING, paths.contacts);
    log(
      `contacts: ${contacts.step.rows.toLocaleString('en-US')} in ${(contacts.step.ms / 1000).toFixed(1)} s`,
    );

    const bareCopy = await timeBareCopy(opened, paths.activities, sizes.activities);
    log(`bare COPY: ${Math.round(bareCopy.rowsPerSecond).toLocaleString('en-US')} rows/s`);

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const activities = await run(ACTIVITIES_MAPPING, paths.activities);
    clearInterval(sampler);
    log(
      `activities: ${activities.step.rows.toLocaleString('en-US')} in ${(activities.step.ms / 1000).toFixed(1)} s (${Math.round(activities.step.rowsPerSecond).toLocaleString('en-US')} rows/s), peak RSS ${(peakRss / 1024 ** 2).toFixed(0)} MB`,
    );
    const again = await run(ACTIVITIES_MAPPING, paths.activities);
    log(`re-import: ${(again.step.ms / 1000).toFixed(1)} s, unchanged ${again.result.unchanged}`);
    const incremental = await run(ACTIVITIES_MAPPING, paths.nextDay);
    log(
      `next day: ${incremental.result.inserted} new in ${(incremental.step.ms / 1000).toFixed(1)} s`,
    );
    return {
      database: 'postgres',
      sizes,
      fileBytes: statSync(paths.activities).size,
      reps: reps.step,
      contacts: contacts.step,
      bareCopy,
      activities: {
        ...activities.step,
        excluded: activities.result.excluded,
        peakRssMb: peakRss / 1024 ** 2,
        phases: activities.phases,
      },
      reimport: { ...again.step, unchanged: again.result.unchanged, phases: again.phases },
      incremental: {
        ...incremental.step,
        inserted: incremental.result.inserted,
        phases: incremental.phases,
      },
    };
  } finally {
    await opened.close();
  }
}

/**
 * Every timed step starts from a checkpoint, so it does not pay for the dirty pages and WAL
 * of the step before (a checkpoint that the bare COPY's gigabyte of WAL set off ran through
 * the first seconds of the import after it). Needs superuser or pg_checkpoint; without,
 * the steps run as they come.
 */
async function settle(db: Kysely<Database>): Promise<void> {
  try {
    await sql`checkpoint`.execute(db);
  } catch {
    // Not allowed to: measure without.
  }
}

/** COPY of the raw CSV into a table with no index, key or constraint: the ceiling. */
async function timeBareCopy(
  opened: Awaited<ReturnType<typeof openDatabase>>,
  path: string,
  rows: number,
): Promise<IngestStep> {
  const copyFrom = opened.copyFrom;
  if (!copyFrom) throw new Error('bare COPY needs PostgreSQL');
  await sql`create table bare_activities (activity_id text, contact_id text, rep_id text, type text,
    occurred_at timestamptz, direction text, automated boolean, deleted timestamptz)`.execute(
    opened.db,
  );
  await settle(opened.db);
  const started = performance.now();
  await opened.db
    .transaction()
    .execute((trx) =>
      copyFrom(
        trx,
        'copy bare_activities from stdin with (format csv, header true)',
        createReadStream(path, { highWaterMark: 1 << 20 }),
      ),
    );
  const ms = performance.now() - started;
  await sql`drop table bare_activities`.execute(opened.db);
  return { rows, ms, rowsPerSecond: rows / (ms / 1000) };
}
