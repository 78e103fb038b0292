// Every preset imports its realistic export fixture (packages/core/fixtures/ingest) end to end,
// in dependency order, on both databases; a second import of each changes nothing.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { IMPORT_PRESETS, type ImportPreset } from '@treeline/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { createWorkspace } from '../workspaces/workspace.repository';
import { importCsv } from './import-csv';
import { readJsonRecords } from './read-json-records';
import { type ImportDeps, runImport } from './run-import';

const fixture = (key: string) =>
  new URL(`../../../core/fixtures/ingest/${key}.csv`, import.meta.url).pathname;
const preset = (key: string): ImportPreset => {
  const found = IMPORT_PRESETS.find((p) => p.key === key);
  if (!found) throw new Error(`no preset ${key}`);
  return found;
};

describe.each(databaseKindsUnderTest())('preset imports on %s', (kind) => {
  let t: TestDatabase;
  let deps: ImportDeps;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    deps = { db: t.db, copyFrom: t.copyFrom };
  });
  afterAll(() => t.close());

  const importFixture = async (workspaceId: string, key: string) => {
    const p = preset(key);
    return importCsv(deps, {
      workspaceId,
      origin: 'csv',
      mapping: { ...p.mapping, timeZone: p.mapping.timeZone ?? 'America/New_York' },
      source: createReadStream(fixture(key)),
      fileName: `${key}.csv`,
    });
  };

  it('imports a Salesforce org: users, contacts, leads, tasks, events, opportunities', async () => {
    const ws = await createWorkspace(t.db, {
      slug: 'sf',
      name: 'SF',
      time_zone: 'America/New_York',
    });
    const keys = [
      'salesforce-users',
      'salesforce-contacts',
      'salesforce-leads',
      'salesforce-tasks',
      'salesforce-events',
      'salesforce-opportunities',
    ];
    for (const key of keys) {
      const result = await importFixture(ws.id, key);
      expect(result.errors, key).toEqual([]);
      expect(result.status, key).toBe('committed');
      expect(result.inserted, key).toBe(result.rowsRead);
    }
    for (const key of keys) {
      const again = await importFixture(ws.id, key);
      expect(again, key).toMatchObject({ inserted: 0, updated: 0, rejected: 0 });
    }
    const { rows } = await sql<{ channel: string; excluded_reason: string | null; n: number }>`
      select channel, excluded_reason, count(*)::int as n from activities
      where workspace_id = ${ws.id} group by 1, 2 order by 1, 2`.execute(t.db);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.some((r) => r.channel === 'meeting')).toBe(true);
  });

  it('imports a HubSpot portal: contacts, activities, deals (reps named as HubSpot exports owners)', async () => {
    const ws = await createWorkspace(t.db, { slug: 'hs', name: 'HS', time_zone: 'Europe/London' });
    const reps = await runImport(deps, {
      workspaceId: ws.id,
      entity: 'reps',
      origin: 'api',
      mode: 'commit_valid',
      records: readJsonRecords(
        'reps',
        Readable.from([
          JSON.stringify([
            { externalId: 'Maya Chen', name: 'Maya Chen', team: 'Team A' },
            { externalId: 'Luis Ortega', name: 'Luis Ortega', team: 'Team B' },
          ]),
        ]),
        'json',
      ),
    });
    expect(reps.inserted).toBe(2);
    for (const key of ['hubspot-contacts', 'hubspot-activities', 'hubspot-deals']) {
      const result = await importFixture(ws.id, key);
      expect(result.errors, key).toEqual([]);
      expect(result).toMatchObject({ status: 'committed', inserted: result.rowsRead });
      expect((await importFixture(ws.id, key)).unchanged, key).toBe(result.rowsRead);
    }
    const notes = await t.db
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws.id)
      .where('excluded_reason', '=', 'internal_note')
      .executeTakeFirstOrThrow();
    expect(Number(notes.n)).toBeGreaterThan(0);
  });
});
