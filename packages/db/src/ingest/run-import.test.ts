import { Readable } from 'node:stream';
import type { ColumnMapping, ImportEntity } from '@treeline/core';
import { periodsBetween } from '@treeline/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateMetricSeries } from '../metrics/evaluate-metric-series';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { createWorkspace } from '../workspaces/workspace.repository';
import { listImportRejections } from './import.repository';
import { importCsv } from './import-csv';
import { readDataHealth } from './read-data-health';
import { readJsonRecords } from './read-json-records';
import { type ImportDeps, type ImportRequest, runImport } from './run-import';
import { storedRowLookup } from './upsert-staged-rows';

const ndjson = (rows: unknown[]) => Readable.from([rows.map((r) => JSON.stringify(r)).join('\n')]);

const REPS = [
  { externalId: 'rep-1', name: 'Ada Rep', team: 'Team A', segment: 'smb' },
  { externalId: 'rep-2', name: 'Bo Rep', team: 'Team B', segment: 'enterprise' },
];
const CONTACTS = ['c-1', 'c-2', 'c-3'].map((externalId, i) => ({
  externalId,
  createdAt: `2026-01-0${i + 1}T09:00:00Z`,
  lifecycleStage: 'lead',
  source: 'organic_search',
  segment: 'smb',
  ownerRepExternalId: 'rep-1',
}));

/**
 * Hand-counted: 10 activities in the week of 2026-03-02 (UTC workspace).
 * a-1..a-4 counted; a-5 note (internal_note); a-6 system event (system_event); a-7 no
 * contact (no_contact); a-8 deleted (deleted); a-9 same contact/rep/channel 60 s after a-1
 * from another source id (duplicate); a-10 3 h after a-1 (counted).
 */
const ACTIVITIES = [
  {
    externalId: 'a-1',
    contactExternalId: 'c-1',
    repExternalId: 'rep-1',
    channel: 'call',
    occurredAt: '2026-03-02T10:00:00Z',
    direction: 'outbound',
  },
  {
    externalId: 'a-2',
    contactExternalId: 'c-2',
    repExternalId: 'rep-1',
    channel: 'email',
    occurredAt: '2026-03-02T11:00:00Z',
    direction: 'outbound',
    automated: true,
  },
  {
    externalId: 'a-3',
    contactExternalId: 'c-3',
    repExternalId: 'rep-2',
    channel: 'meeting',
    occurredAt: '2026-03-03T15:00:00Z',
    direction: 'outbound',
    meetingBooked: true,
  },
  {
    externalId: 'a-4',
    contactExternalId: 'c-2',
    repExternalId: 'rep-2',
    channel: 'call',
    occurredAt: '2026-03-04T09:30:00Z',
    direction: 'inbound',
    replied: true,
  },
  {
    externalId: 'a-5',
    contactExternalId: 'c-1',
    repExternalId: 'rep-1',
    channel: 'note',
    occurredAt: '2026-03-04T10:00:00Z',
    direction: 'outbound',
  },
  {
    externalId: 'a-6',
    contactExternalId: 'c-1',
    repExternalId: 'rep-1',
    channel: 'task',
    occurredAt: '2026-03-04T11:00:00Z',
    direction: 'outbound',
    systemGenerated: true,
  },
  {
    externalId: 'a-7',
    contactExternalId: null,
    repExternalId: 'rep-2',
    channel: 'call',
    occurredAt: '2026-03-05T12:00:00Z',
    direction: 'outbound',
  },
  {
    externalId: 'a-8',
    contactExternalId: 'c-3',
    repExternalId: 'rep-2',
    channel: 'email',
    occurredAt: '2026-03-05T13:00:00Z',
    direction: 'outbound',
    deletedAt: '2026-03-06T00:00:00Z',
  },
  {
    externalId: 'a-9',
    sourceSystem: 'sync',
    contactExternalId: 'c-1',
    repExternalId: 'rep-1',
    channel: 'call',
    occurredAt: '2026-03-02T10:01:00Z',
    direction: 'outbound',
  },
  {
    externalId: 'a-10',
    contactExternalId: 'c-1',
    repExternalId: 'rep-1',
    channel: 'call',
    occurredAt: '2026-03-02T13:00:00Z',
    direction: 'outbound',
  },
];

const CSV_MAPPING: ColumnMapping = {
  entity: 'activities',
  timeZone: 'Europe/Berlin',
  fields: {
    externalId: { column: 'Id' },
    contactExternalId: { column: 'Contact' },
    repExternalId: { column: 'Owner' },
    channel: { column: 'Type', values: { Call: 'call', Email: 'email', Meeting: 'meeting' } },
    occurredAt: { column: 'When' },
    direction: { constant: 'outbound' },
  },
};

describe.each(databaseKindsUnderTest())('imports on %s', (kind) => {
  let t: TestDatabase;
  let deps: ImportDeps;
  let workspaceId: string;

  const bulk = (entity: ImportEntity, rows: unknown[], extra: { dryRun?: boolean } = {}) =>
    runImport(deps, {
      workspaceId,
      entity,
      origin: 'api',
      mode: 'commit_valid',
      records: readJsonRecords(entity, ndjson(rows), 'ndjson'),
      ...extra,
    });
  const csv = (text: string | Buffer, extra: { dryRun?: boolean; delimiter?: ',' | ';' } = {}) =>
    importCsv(deps, {
      workspaceId,
      origin: 'csv',
      mapping: CSV_MAPPING,
      source: Readable.from([typeof text === 'string' ? Buffer.from(text) : text]),
      fileName: 'calls.csv',
      ...extra,
    });
  const count = async (table: 'activities' | 'contacts' | 'imports') =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*) as n from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(
          t.db,
        )
      ).rows[0]?.n,
    );

  /** A workspace of its own holding the reps and contacts (and no activities). */
  const seededWorkspace = async (slug: string) => {
    const ws = await createWorkspace(t.db, { slug, name: slug, time_zone: 'UTC' });
    const into = (
      entity: ImportEntity,
      rows: unknown[],
      extra: Partial<ImportRequest<ImportEntity>> = {},
    ) =>
      runImport(deps, {
        workspaceId: ws.id,
        entity,
        origin: 'api',
        mode: 'commit_valid',
        records: readJsonRecords(entity, ndjson(rows), 'ndjson'),
        ...extra,
      });
    const file = (text: string, extra: { dryRun?: boolean } = {}) =>
      importCsv(deps, {
        workspaceId: ws.id,
        origin: 'csv',
        mapping: CSV_MAPPING,
        source: Readable.from([Buffer.from(text)]),
        ...extra,
      });
    await into('reps', REPS);
    await into('contacts', CONTACTS);
    return { id: ws.id, into, file };
  };
  /** What an import can leave behind in a workspace. */
  const traces = async (ws: string) => {
    const n = async (table: 'activities' | 'imports' | 'domain_events' | 'import_rejections') =>
      Number(
        (
          await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}
            where workspace_id = ${ws}`.execute(t.db)
        ).rows[0]?.n,
      );
    const workspace = await t.db
      .selectFrom('workspaces')
      .leftJoin('activity_rollup_state as s', 's.workspace_id', 'workspaces.id')
      .select(['workspaces.data_version', 's.data_version as rollup_version', 's.refreshed_at'])
      .where('workspaces.id', '=', ws)
      .executeTakeFirstOrThrow();
    return {
      activities: await n('activities'),
      imports: await n('imports'),
      events: await n('domain_events'),
      rejections: await n('import_rejections'),
      ...workspace,
    };
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    deps = { db: t.db, copyFrom: t.copyFrom };
    const ws = await createWorkspace(t.db, { slug: 'imports', name: 'Imports', time_zone: 'UTC' });
    workspaceId = ws.id;
  });
  afterAll(() => t.close());

  it('upserts reps, contacts and activities and counts the exclusions by reason', async () => {
    expect(await bulk('reps', REPS)).toMatchObject({
      status: 'committed',
      inserted: 2,
      rejected: 0,
    });
    expect(await bulk('contacts', CONTACTS)).toMatchObject({ inserted: 3, updated: 0 });
    const result = await bulk('activities', ACTIVITIES);
    expect(result).toMatchObject({
      status: 'committed',
      rowsRead: 10,
      inserted: 10,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      excluded: { internal_note: 1, system_event: 1, no_contact: 1, deleted: 1, duplicate: 1 },
    });
    const { rows } = await sql<{ external_id: string; excluded_reason: string | null }>`
      select external_id, excluded_reason from activities
      where workspace_id = ${workspaceId} and excluded_reason is not null order by external_id`.execute(
      t.db,
    );
    expect(rows).toEqual([
      { external_id: 'a-5', excluded_reason: 'internal_note' },
      { external_id: 'a-6', excluded_reason: 'system_event' },
      { external_id: 'a-7', excluded_reason: 'no_contact' },
      { external_id: 'a-8', excluded_reason: 'deleted' },
      { external_id: 'a-9', excluded_reason: 'duplicate' },
    ]);
  });

  it('changes nothing when the same batch is sent again, and counts a changed row as updated', async () => {
    const version = async () =>
      (
        await t.db
          .selectFrom('workspaces')
          .select('data_version')
          .where('id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).data_version;
    const unchangedVersion = await version();
    const again = await bulk('activities', ACTIVITIES);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 10, rejected: 0 });
    // Nothing written: each row counts by its stored mark.
    expect(again.excluded).toEqual({
      internal_note: 1,
      system_event: 1,
      no_contact: 1,
      deleted: 1,
      duplicate: 1,
    });
    expect(await count('activities')).toBe(10);
    // Nothing changed: the data version (and every cached value) stays, the import and
    // its event are still recorded.
    expect(await version()).toBe(unchangedVersion);
    expect(again.dataVersion).toBe(unchangedVersion);
    expect(again.event?.payload.changedFrom ?? null).toBeNull();

    const before = await version();
    const changed = ACTIVITIES.map((a) =>
      a.externalId === 'a-9' ? { ...a, occurredAt: '2026-03-02T12:00:00Z' } : a,
    );
    const result = await bulk('activities', changed);
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 9 });
    // Moved two hours away from a-1, a-9 is no longer a duplicate.
    expect(result.excluded.duplicate).toBe(0);
    expect(await version()).toBeGreaterThan(before);
    await bulk('activities', ACTIVITIES);

    // The original of a burst moved to another month: the copy left behind at the old
    // time is re-marked (the re-marked span covers the old values of updated rows too).
    const moved = await bulk(
      'activities',
      ACTIVITIES.map((a) =>
        a.externalId === 'a-1' ? { ...a, occurredAt: '2026-05-04T09:00:00Z' } : a,
      ),
    );
    expect(moved).toMatchObject({ inserted: 0, updated: 1 });
    expect(moved.excluded.duplicate).toBe(0);
    const restored = await bulk('activities', ACTIVITIES);
    expect(restored).toMatchObject({ updated: 1 });
    expect(restored.excluded.duplicate).toBe(1);
  });

  it('commits the valid rows of a bulk batch and names each rejected row, field and reason', async () => {
    const result = await bulk('activities', [
      {
        externalId: 'b-1',
        contactExternalId: 'c-1',
        repExternalId: 'rep-1',
        channel: 'call',
        occurredAt: '2026-03-09T10:00:00Z',
        direction: 'outbound',
      },
      {
        externalId: 'b-2',
        contactExternalId: 'c-404',
        repExternalId: 'rep-1',
        channel: 'call',
        occurredAt: '2026-03-09T11:00:00Z',
        direction: 'outbound',
      },
      {
        externalId: 'b-3',
        contactExternalId: 'c-1',
        repExternalId: 'rep-1',
        channel: 'fax',
        occurredAt: '2026-03-09T12:00:00Z',
        direction: 'outbound',
      },
      {
        externalId: 'b-1',
        contactExternalId: 'c-2',
        repExternalId: 'rep-1',
        channel: 'call',
        occurredAt: '2026-03-09T13:00:00Z',
        direction: 'outbound',
      },
    ]);
    expect(result).toMatchObject({ status: 'committed', rowsRead: 4, inserted: 1, rejected: 3 });
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'contactExternalId'],
      [3, 'channel'],
      [4, 'externalId'],
    ]);
    expect(result.errors[0]?.reason).toContain("no contact with external id 'c-404'");
    expect(result.errors[1]?.reason).toMatch(/call/);
    expect(result.errors[2]?.reason).toContain('also on row 1');
    const report = await listImportRejections(t.db, workspaceId, result.importId as string);
    expect(report).toHaveLength(3);
  });

  it('rejects repeated composite keys and unknown references of capacity and events, keeping the rest', async () => {
    const capacity = [
      { repExternalId: 'rep-1', day: '2026-03-09', sellingHours: 5 },
      { repExternalId: 'rep-404', day: '2026-03-09', sellingHours: 4 },
      { repExternalId: 'rep-1', day: '2026-03-09', sellingHours: 3 },
      { repExternalId: 'rep-2', day: '2026-03-09', sellingHours: 6 },
    ];
    const first = await bulk('capacity', capacity);
    expect(first).toMatchObject({ status: 'committed', inserted: 2, rejected: 2 });
    expect(first.errors.map((e) => [e.row, e.field, e.value])).toEqual([
      [2, 'repExternalId', 'rep-404'],
      [3, 'day', 'rep-1 / 2026-03-09'],
    ]);
    expect(first.errors[0]?.reason).toContain("no rep with external id 'rep-404'");
    expect(first.errors[1]?.reason).toContain('is also on row 1');
    // Re-sent, the valid rows are unchanged and the bad ones rejected again.
    const again = await bulk('capacity', capacity);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 2 });

    const events = await bulk('events', [
      {
        externalId: 'e-1',
        contactExternalId: 'c-1',
        type: 'page_view',
        occurredAt: '2026-03-09T10:00:00Z',
      },
      {
        externalId: 'e-2',
        contactExternalId: 'c-404',
        type: 'page_view',
        occurredAt: '2026-03-09T10:00:00Z',
      },
    ]);
    expect(events).toMatchObject({ inserted: 1, rejected: 1 });
    expect(events.errors[0]).toMatchObject({ row: 2, field: 'contactExternalId', value: 'c-404' });
  });

  it('finds a key repeated in a batch with no other error, in an empty workspace and a full one', async () => {
    // A workspace without activities: the resolve pass does not look for repeated keys, the
    // table's unique key refuses them and the import looks then.
    const workspaceWithContacts = async (slug: string) => {
      const ws = await createWorkspace(t.db, { slug, name: slug, time_zone: 'UTC' });
      const into = (entity: ImportEntity, rows: unknown[], extra: { dryRun?: boolean } = {}) =>
        runImport(deps, {
          workspaceId: ws.id,
          entity,
          origin: 'api',
          mode: 'commit_valid',
          records: readJsonRecords(entity, ndjson(rows), 'ndjson'),
          ...extra,
        });
      await into('reps', REPS);
      await into('contacts', CONTACTS);
      return { id: ws.id, into };
    };
    const { id: emptyId, into } = await workspaceWithContacts('repeats');
    const call = (externalId: string, contact: string, at: string) => ({
      externalId,
      contactExternalId: contact,
      repExternalId: 'rep-1',
      channel: 'call',
      occurredAt: at,
      direction: 'outbound',
    });
    const batch = [
      call('k-1', 'c-1', '2026-04-06T09:00:00Z'),
      call('k-2', 'c-2', '2026-04-06T10:00:00Z'),
      call('k-1', 'c-3', '2026-04-06T11:00:00Z'),
    ];
    const contactOf = async (ws: string, externalId: string) =>
      (
        await sql<{ contact: string | null }>`select c.external_id as contact from activities a
          left join contacts c on c.workspace_id = a.workspace_id and c.id = a.contact_id
          where a.workspace_id = ${ws} and a.external_id = ${externalId}`.execute(t.db)
      ).rows[0]?.contact ?? null;
    // A dry run tells what the import would do, and writes nothing.
    const dry = await into('activities', batch, { dryRun: true });
    expect(dry).toMatchObject({ status: 'dry_run', inserted: 2, rejected: 1 });
    expect(await contactOf(emptyId, 'k-1')).toBeNull();
    // The first row is kept, the repeat rejected naming the first.
    const first = await into('activities', batch);
    expect(first).toMatchObject({ status: 'committed', inserted: 2, rejected: 1 });
    expect(first.errors.map((e) => [e.row, e.field, e.value])).toEqual([
      [3, 'externalId', 'k-1 / api'],
    ]);
    expect(first.errors[0]?.reason).toContain('is also on row 1');
    expect(first.excluded).toMatchObject({ duplicate: 0, no_contact: 0 });
    expect(await contactOf(emptyId, 'k-1')).toBe('c-1');
    const report = await listImportRejections(t.db, emptyId, first.importId as string);
    expect(report.map((r) => r.row)).toEqual([3]);
    // Now it holds rows: a stored key repeated is found as the rows are resolved, and the
    // stored row is updated once, from the first occurrence.
    const again = await into('activities', [
      call('k-2', 'c-3', '2026-04-06T10:00:00Z'),
      call('k-2', 'c-1', '2026-04-06T10:00:00Z'),
    ]);
    expect(again).toMatchObject({ status: 'committed', updated: 1, rejected: 1 });
    expect(again.errors.map((e) => e.row)).toEqual([2]);
    expect(await contactOf(emptyId, 'k-2')).toBe('c-3');

    // A CSV file (all or nothing) with only a repeated new key is refused, naming the row,
    // here in a workspace that holds activities and in one that holds none.
    const file = [
      'Id,Contact,Owner,Type,When',
      'k-9,c-1,rep-1,Call,2026-04-07 09:00',
      'k-10,c-2,rep-1,Call,2026-04-07 10:00',
      'k-9,c-2,rep-1,Email,2026-04-07 11:00',
    ].join('\n');
    const before = await count('activities');
    const refused = await csv(file);
    expect(refused).toMatchObject({ status: 'refused', rejected: 1, inserted: 0 });
    expect(refused.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Id']]);
    expect(await count('activities')).toBe(before);
    const bare = await workspaceWithContacts('repeats-csv');
    const refusedEmpty = await importCsv(deps, {
      workspaceId: bare.id,
      origin: 'csv',
      mapping: CSV_MAPPING,
      source: Readable.from([Buffer.from(file)]),
    });
    expect(refusedEmpty).toMatchObject({ status: 'refused', rejected: 1, inserted: 0 });
    expect(refusedEmpty.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Id']]);
    const left = await sql<{ n: string | number }>`select count(*) as n from activities
      where workspace_id = ${bare.id}`.execute(t.db);
    expect(Number(left.rows[0]?.n)).toBe(0);
  });

  it('lists a repeated key in the report of a file refused for a bad cell, into a workspace without rows', async () => {
    // Decision 0027: a file refused for other errors has its repeated keys looked for
    // first, so its report names every problem; a bad cell is such an error too.
    const ws = await seededWorkspace('repeats-cells');
    const result = await ws.file(
      [
        'Id,Contact,Owner,Type,When',
        'm-1,c-1,rep-1,Call,2026-04-07 09:00',
        'm-2,c-2,rep-1,Carrier pigeon,2026-04-07 10:00',
        'm-1,c-2,rep-1,Email,2026-04-07 11:00',
      ].join('\n'),
    );
    expect(result).toMatchObject({ status: 'refused', rowsRead: 3, rejected: 2, inserted: 0 });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Type'],
      [3, 'Id'],
    ]);
    const report = await listImportRejections(t.db, ws.id, result.importId as string);
    expect(report.map((r) => r.row)).toEqual([2, 3]);
  });

  it('returns a dry run as its result, leaving no rows, record, event, data version or rollup behind', async () => {
    const ws = await seededWorkspace('dry-runs');
    await ws.into('activities', ACTIVITIES);
    const before = await traces(ws.id);
    const moved = ACTIVITIES.map((a) =>
      a.externalId === 'a-1' ? { ...a, occurredAt: '2026-03-02T10:00:30Z' } : a,
    );
    const newRow = { ...ACTIVITIES[0], externalId: 'a-11', occurredAt: '2026-03-03T08:00:00Z' };
    const dry = await ws.into('activities', [...moved, newRow, { ...newRow, channel: 'fax' }], {
      dryRun: true,
    });
    expect(dry).toMatchObject({
      status: 'dry_run',
      importId: null,
      inserted: 1,
      updated: 1,
      unchanged: 9,
      rejected: 1,
      event: null,
      dataVersion: null,
    });
    expect(dry.message).toContain('would insert 1, update 1 and leave 9 unchanged');
    expect(await traces(ws.id)).toEqual(before);
    // A file dry-run: one that would be refused for a bad row, and one that cannot be read.
    const refusable = await ws.file(
      'Id,Contact,Owner,Type,When\nz-1,c-1,rep-1,Fax,2026-03-10 09:00\n',
      {
        dryRun: true,
      },
    );
    expect(refusable).toMatchObject({ status: 'dry_run', rejected: 1, importId: null });
    const unreadable = await ws.file('', { dryRun: true });
    expect(unreadable).toMatchObject({ status: 'refused', refusal: 'empty_file', importId: null });
    expect(await traces(ws.id)).toEqual(before);
  });

  it('leaves only its record and report when it refuses an import: no rows, no event, the data version as it was', async () => {
    const ws = await seededWorkspace('refusals');
    await ws.into('activities', ACTIVITIES);
    const before = await traces(ws.id);
    const refused = await ws.file(
      'Id,Contact,Owner,Type,When\nr-1,c-1,rep-1,Call,2026-03-10 09:00\nr-2,c-404,rep-1,Call,2026-03-10 10:00\n',
    );
    expect(refused).toMatchObject({ status: 'refused', refusal: 'rows_rejected', event: null });
    expect(await traces(ws.id)).toEqual({
      ...before,
      imports: before.imports + 1,
      rejections: before.rejections + 1,
    });
    const tooMany = await ws.into('activities', ACTIVITIES, { maxRows: 5 });
    expect(tooMany).toMatchObject({ status: 'refused', refusal: 'too_many_rows', inserted: 0 });
    expect(await traces(ws.id)).toEqual({
      ...before,
      imports: before.imports + 2,
      rejections: before.rejections + 1,
    });
  });

  it('leaves nothing when it fails after the rows were written, and the next import runs', async () => {
    const ws = await seededWorkspace('late-failures');
    await ws.into('activities', ACTIVITIES);
    const before = await traces(ws.id);
    const changed = ACTIVITIES.map((a) =>
      a.externalId === 'a-9' ? { ...a, occurredAt: '2026-03-02T12:00:00Z' } : a,
    );
    // The rows are written, re-marked and the rollup refreshed when the failure comes.
    for (const failingAfter of ['upsert', 'rollup', 'record'] as const) {
      const failing: ImportDeps = {
        ...deps,
        onPhase: (phase) => {
          if (phase === failingAfter) throw new Error(`lost after ${phase}`);
        },
      };
      await expect(
        runImport(failing, {
          workspaceId: ws.id,
          entity: 'activities',
          origin: 'api',
          mode: 'commit_valid',
          records: readJsonRecords('activities', ndjson(changed), 'ndjson'),
        }),
      ).rejects.toThrow(`lost after ${failingAfter}`);
      expect(await traces(ws.id)).toEqual(before);
    }
    // The transaction ended (a connection left in it would hold PGlite's one connection).
    expect(await ws.into('activities', changed)).toMatchObject({ status: 'committed', updated: 1 });
  });

  it('looks the stored rows up by key when an import is small beside its table', async () => {
    // The choice, from the row counts the statistics hold.
    await t.db.transaction().execute(async (trx) => {
      await sql`create temp table lookup_big on commit drop as select generate_series(1, 100) as n`.execute(
        trx,
      );
      await sql`create temp table lookup_small on commit drop as select 1 as n union all select 2`.execute(
        trx,
      );
      await sql`create temp table lookup_unanalysed on commit drop as select 1 as n`.execute(trx);
      await sql`analyze lookup_big`.execute(trx);
      await sql`analyze lookup_small`.execute(trx);
      expect(await storedRowLookup(trx, 'lookup_big', 'lookup_small')).toBe('probe');
      expect(await storedRowLookup(trx, 'lookup_small', 'lookup_big')).toBe('join');
      expect(await storedRowLookup(trx, 'lookup_unanalysed', 'lookup_small')).toBe('join');
    });

    // An import that takes the look-up by key: a new, a changed and an unchanged row.
    const probed = await createWorkspace(t.db, {
      slug: 'probed',
      name: 'Probed',
      time_zone: 'UTC',
    });
    const activity = (i: number, hour = 9) => ({
      externalId: `p-${i}`,
      channel: 'email',
      occurredAt: `2026-04-01T${String(hour).padStart(2, '0')}:00:00Z`,
      direction: 'outbound',
    });
    const send = (rows: unknown[]) =>
      runImport(deps, {
        workspaceId: probed.id,
        entity: 'activities',
        origin: 'api',
        mode: 'commit_valid',
        records: readJsonRecords('activities', ndjson(rows), 'ndjson'),
      });
    const stored = Array.from({ length: 80 }, (_, i) => activity(i));
    expect(await send(stored)).toMatchObject({ inserted: 80 });
    await sql`analyze activities`.execute(t.db);
    const result = await send([activity(0), activity(1, 10), activity(80)]);
    expect(result).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, rejected: 0 });
    const { rows } = await sql<{ external_id: string; occurred_at: Date }>`
      select external_id, occurred_at from activities
      where workspace_id = ${probed.id} and external_id in ('p-1', 'p-80') order by external_id`.execute(
      t.db,
    );
    expect(rows.map((r) => [r.external_id, new Date(r.occurred_at).toISOString()])).toEqual([
      ['p-1', '2026-04-01T10:00:00.000Z'],
      ['p-80', '2026-04-01T09:00:00.000Z'],
    ]);
  });

  it('leaves no staging table behind, whether the import commits, is refused or is a dry run', async () => {
    const stagingTables = async () =>
      Number(
        (
          await sql<{ n: number | string }>`select count(*) as n from pg_class
            where relname like 'import\_stage\_%'
              and relnamespace = current_schema()::regnamespace`.execute(t.db)
        ).rows[0]?.n,
      );
    await bulk('reps', REPS);
    await bulk('reps', REPS, { dryRun: true });
    await csv('Id,Contact,Owner,Type,When\nz-1,c-404,rep-1,Call,2026-03-10 09:00\n');
    expect(await stagingTables()).toBe(0);
  });

  it('refuses a CSV file with any bad row, writes nothing and keeps the report', async () => {
    const before = await count('activities');
    const file = [
      'Id,Contact,Owner,Type,When',
      'f-1,c-1,rep-1,Call,2026-03-10 09:00',
      'f-2,c-2,rep-1,Carrier pigeon,2026-03-10 10:00',
      'f-3,c-2,rep-1,Email,10/03/2026',
    ].join('\n');
    const result = await csv(file);
    expect(result).toMatchObject({ status: 'refused', rowsRead: 3, rejected: 2, inserted: 0 });
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Type'],
      [3, 'When'],
    ]);
    expect(await count('activities')).toBe(before);
    const report = await listImportRejections(t.db, workspaceId, result.importId as string);
    expect(report.map((r) => r.row)).toEqual([2, 3]);
  });

  it('imports a valid CSV file all at once, in the mapping time zone', async () => {
    const result = await csv(
      [
        'Id,Contact,Owner,Type,When',
        'f-1,c-1,rep-1,Call,2026-03-10 09:00',
        'f-2,c-2,rep-2,Meeting,2026-03-10 10:00',
      ].join('\r\n'),
    );
    expect(result).toMatchObject({ status: 'committed', inserted: 2 });
    const row = await t.db
      .selectFrom('activities')
      .select('occurred_at')
      .where('workspace_id', '=', workspaceId)
      .where('external_id', '=', 'f-1')
      .executeTakeFirstOrThrow();
    expect(row.occurred_at.toISOString()).toBe('2026-03-10T08:00:00.000Z');
  });

  it('reports a dry run without writing', async () => {
    const before = await count('activities');
    const result = await csv('Id,Contact,Owner,Type,When\nf-9,c-3,rep-2,Call,2026-03-11 09:00\n', {
      dryRun: true,
    });
    expect(result).toMatchObject({ status: 'dry_run', inserted: 1, importId: null });
    expect(await count('activities')).toBe(before);
  });

  it.each([
    ['an empty file', '', 'The file is empty'],
    [
      'a header-only file',
      'Id,Contact,Owner,Type,When\n',
      'header row (5 columns) but no data rows',
    ],
    ['a UTF-16 file', Buffer.from([0xff, 0xfe, 0x49, 0x00]), 'UTF-16'],
    [
      'bytes that are not UTF-8',
      Buffer.concat([
        Buffer.from('Id,Contact,Owner,Type,When\nf-1,c-1,rep-1,Call,'),
        Buffer.from([0xe9, 0x0a]),
      ]),
      'Line 2 contains bytes that are not UTF-8',
    ],
    ['a mapping that does not fit', 'Identifier,Contact\nx,y\n', 'does not fit'],
  ])('refuses %s, saying why', async (_label, content, message) => {
    const before = await count('activities');
    const result = await csv(content as string | Buffer);
    expect(result.status).toBe('refused');
    expect(result.message).toContain(message);
    expect(await count('activities')).toBe(before);
  });

  it('names the delimiter when a file is split by another one', async () => {
    const result = await csv('Id;Contact;Owner;Type;When\nf-1;c-1;rep-1;Call;2026-03-10 09:00\n', {
      delimiter: ',',
    });
    expect(result.message).toContain('semicolon-delimited');
    const guessed = await csv('Id;Contact;Owner;Type;When\ns-1;c-1;rep-1;Call;2026-03-12 09:00\n');
    expect(guessed).toMatchObject({ status: 'committed', inserted: 1 });
  });

  it('leaves the database as it was when the import dies mid-way', async () => {
    const before = await count('activities');
    const imports = await count('imports');
    async function* dying() {
      for (let i = 1; i <= 5000; i++) {
        if (i === 4000) throw new Error('connection reset');
        yield {
          rowNumber: i,
          result: {
            ok: true as const,
            row: {
              externalId: `d-${i}`,
              sourceSystem: 'api',
              contactExternalId: 'c-1',
              repExternalId: 'rep-1',
              channel: 'call' as const,
              occurredAt: new Date(Date.UTC(2026, 2, 16, 0, i)),
              direction: 'outbound' as const,
              automated: false,
              systemGenerated: false,
              replied: false,
              meetingBooked: false,
              deletedAt: null,
            },
          },
        };
      }
    }
    await expect(
      runImport(deps, {
        workspaceId,
        entity: 'activities',
        origin: 'api',
        mode: 'commit_valid',
        records: dying(),
      }),
    ).rejects.toThrow('connection reset');
    expect(await count('activities')).toBe(before);
    expect(await count('imports')).toBe(imports);
  });

  it('rolls back when the database refuses a write, and the next import runs', async () => {
    const ws = await seededWorkspace('refused-writes');
    const before = await traces(ws.id);
    // Records as a reader could not yield them (the normalizer checks segments): the
    // table's check constraint refuses the second row at the write.
    async function* outOfRange() {
      yield CONTACTS.slice(0, 2).map((c, i) => ({
        rowNumber: i + 1,
        result: {
          ok: true as const,
          row: {
            externalId: `x-${i}`,
            createdAt: new Date(c.createdAt),
            qualifiedAt: null,
            customerAt: null,
            lifecycleStage: 'lead' as const,
            source: 'organic_search' as const,
            segment: (i === 1 ? 'galactic' : 'smb') as 'smb',
            ownerRepExternalId: 'rep-1',
            account: null,
            properties: {},
            deletedAt: null,
          },
        },
      }));
    }
    await expect(
      runImport(deps, {
        workspaceId: ws.id,
        entity: 'contacts',
        origin: 'api',
        mode: 'commit_valid',
        records: outOfRange(),
      }),
    ).rejects.toMatchObject({ code: '23514' });
    expect(await traces(ws.id)).toEqual(before);
    expect(await ws.into('activities', ACTIVITIES)).toMatchObject({ inserted: 10 });
  });

  it('keeps instants to the millisecond, before 1970 too (they are staged as epoch numbers)', async () => {
    const at = ['2024-06-01T10:20:00.123Z', '1969-12-31T23:43:19.999Z'];
    const result = await bulk(
      'activities',
      at.map((occurredAt, i) => ({
        externalId: `ms-${i}`,
        contactExternalId: 'c-1',
        channel: 'task',
        occurredAt,
        direction: 'outbound',
      })),
    );
    expect(result).toMatchObject({ inserted: 2, rejected: 0 });
    const { rows } = await sql<{ occurred_at: Date }>`select occurred_at from activities
      where workspace_id = ${workspaceId} and external_id like 'ms-%' order by external_id`.execute(
      t.db,
    );
    expect(rows.map((r) => new Date(r.occurred_at).toISOString())).toEqual(at);
  });

  it('streams a large batch through staging (COPY on PostgreSQL, batches on PGlite)', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({
      externalId: `big-${i}`,
      contactExternalId: `c-${(i % 3) + 1}`,
      repExternalId: i % 2 ? 'rep-1' : 'rep-2',
      channel: 'email',
      occurredAt: new Date(Date.UTC(2026, 3, 1) + i * 600_000).toISOString(),
      direction: 'outbound',
    }));
    const result = await bulk('activities', rows);
    expect(result).toMatchObject({ inserted: 20_000, rejected: 0 });
    const again = await bulk('activities', rows);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 20_000 });
  });

  it('stages text with tabs, line breaks and backslashes unchanged', async () => {
    const name = 'Tab\there, CR\r\nLF\nand C:\\path\\N';
    const result = await bulk('reps', [{ externalId: 'rep\\odd\t1', name, team: 'T\\N' }]);
    expect(result).toMatchObject({ inserted: 1, rejected: 0 });
    const stored = await sql<{ external_id: string; name: string; team: string }>`
      select external_id, name, team from reps
      where workspace_id = ${workspaceId} and external_id = ${'rep\\odd\t1'}`.execute(t.db);
    expect(stored.rows).toEqual([{ external_id: 'rep\\odd\t1', name, team: 'T\\N' }]);
  });

  it('analyses a large write inside the import, and skips that when the table is busy', async () => {
    // A lowered threshold makes three rows "large".
    const large = { ...deps, analyzeAfterRows: 1 };
    const rows = (channel: string) =>
      ['x-1', 'x-2', 'x-3'].map((externalId, i) => ({
        externalId,
        contactExternalId: 'c-1',
        repExternalId: 'rep-1',
        channel,
        occurredAt: new Date(Date.UTC(2026, 6, 1) + i * 86_400_000).toISOString(),
        direction: 'outbound',
      }));
    const importRows = (channel: string) =>
      runImport(large, {
        workspaceId,
        entity: 'activities',
        origin: 'api',
        mode: 'commit_valid',
        records: readJsonRecords('activities', ndjson(rows(channel)), 'ndjson'),
      });
    expect(await importRows('call')).toMatchObject({ status: 'committed', inserted: 3 });
    if (kind !== 'postgres') return;
    // Another session holds the statistics lock (as a vacuum would): the import waits a
    // second for it, goes on without, and commits.
    await t.db.transaction().execute(async (trx) => {
      await sql`lock table activities in share update exclusive mode`.execute(trx);
      expect(await importRows('meeting')).toMatchObject({ status: 'committed', updated: 3 });
    });
  });

  it('shows counted vs excluded activities per week and the freshness of imports', async () => {
    const workspace = await t.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    const health = await readDataHealth(t.db, workspace, {
      grain: 'week',
      periods: 2,
      now: new Date('2026-03-09T12:00:00Z'),
    });
    const week = health.periods[0];
    expect(week?.period.start).toBe('2026-03-02T00:00:00.000Z');
    expect(week).toMatchObject({
      counted: 5,
      excluded: { internal_note: 1, system_event: 1, no_contact: 1, deleted: 1, duplicate: 1 },
    });
    expect(health.freshness.map((f) => f.entity).sort()).toEqual([
      'activities',
      'capacity',
      'contacts',
      'events',
      'reps',
    ]);
    expect(health.lastImportAt).toBeInstanceOf(Date);
  });

  it('keeps the activity rollup current, so the engine reads it after an import', async () => {
    const workspace = await t.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    const periods = periodsBetween('2026-03-02T00:00:00Z', '2026-03-16T00:00:00Z', 'week', {
      timeZone: 'UTC',
    });
    const series = async (useRollups: boolean) => {
      const reads: string[] = [];
      const [result] = await evaluateMetricSeries(t.db, workspace, {
        periods,
        requests: [{ metricKey: 'activities_total' }, { metricKey: 'active_contacts' }],
        useRollups,
        onScan: (source, read) => {
          if (source === 'activities') reads.push(read);
        },
      });
      return { reads, values: result?.values };
    };
    const withRollup = await series(true);
    expect(withRollup.reads).toEqual(['activity_rollup']);
    expect(withRollup.values).toEqual((await series(false)).values);
  });
});
