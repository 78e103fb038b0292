import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkspace, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app';
import { appActingAs } from '../../testing/app-acting-as';

const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

const ACTIVITY_MAPPING = {
  entity: 'activities',
  fields: {
    externalId: { column: 'Id' },
    contactExternalId: { column: 'Contact' },
    repExternalId: { column: 'Owner' },
    channel: { column: 'Type', values: { Call: 'call', Email: 'email' } },
    occurredAt: { column: 'When' },
    direction: { constant: 'outbound' },
  },
};

describe.each(databaseKindsUnderTest())('imports API on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let app: ReturnType<typeof createApp>;

  const post = (path: string, body: string, type: string, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
  const json = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const upload = async (csv: string) => {
    const res = await post('/api/uploads', csv, 'text/csv', { 'x-file-name': 'calls.csv' });
    return { res, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'imports-api', name: 'Imports API' });
    app = await appActingAs(
      {
        db: t.db,
        listen: t.listen,
        database: { kind, location: t.location },
        ...(t.copyFrom ? { copyFrom: t.copyFrom } : {}),
        uploadDir: mkdtempSync(join(tmpdir(), 'treeline-test-uploads-')),
        maxUploadBytes: 10_000,
      },
      { workspaceId: ws.id },
    );
  });
  afterAll(() => t.close());

  it('takes NDJSON and JSON arrays, and answers with counts and each rejected row', async () => {
    const reps = await post(
      '/api/bulk/reps',
      ndjson([
        { externalId: 'r1', name: 'Ada', team: 'A' },
        { externalId: 'r2', name: 'Bo', team: 'B' },
      ]),
      'application/x-ndjson',
    );
    expect(reps.status).toBe(200);
    expect(await reps.json()).toMatchObject({
      status: 'committed',
      inserted: 2,
      mode: 'commit_valid',
    });

    const contacts = await post(
      '/api/bulk/contacts',
      JSON.stringify(
        ['c1', 'c2'].map((externalId) => ({
          externalId,
          createdAt: '2026-01-05T10:00:00Z',
          lifecycleStage: 'lead',
          ownerRepExternalId: 'r1',
        })),
      ),
      'application/json',
    );
    expect(await contacts.json()).toMatchObject({ inserted: 2, rejected: 0 });

    const activities = await post(
      '/api/bulk/activities',
      ndjson([
        {
          externalId: 'x1',
          contactExternalId: 'c1',
          repExternalId: 'r1',
          channel: 'call',
          occurredAt: '2026-03-02T10:00:00Z',
          direction: 'outbound',
        },
        {
          externalId: 'x2',
          contactExternalId: 'c2',
          repExternalId: 'r1',
          channel: 'call',
          occurredAt: 'yesterday',
          direction: 'outbound',
        },
      ]),
      'application/x-ndjson',
    );
    const body = (await activities.json()) as {
      inserted: number;
      rejected: number;
      errors: Array<{ row: number; field: string; reason: string }>;
      reportUrl: string;
    };
    expect(body).toMatchObject({ inserted: 1, rejected: 1 });
    expect(body.errors[0]).toMatchObject({ row: 2, field: 'occurredAt' });
    const report = await app.request(body.reportUrl);
    expect(report.headers.get('content-type')).toContain('text/csv');
    expect(await report.text()).toMatch(
      /^row,column,field,value,reason\r\n2,occurredAt,occurredAt,yesterday,/,
    );
  });

  it('refuses a body that is neither NDJSON nor JSON, and one that is not an array', async () => {
    const wrongType = await post('/api/bulk/reps', 'a,b', 'text/csv');
    expect(wrongType.status).toBe(415);
    const notArray = await post('/api/bulk/reps', '{"externalId":"r9"}', 'application/json');
    expect(notArray.status).toBe(422);
    expect(((await notArray.json()) as { detail: string }).detail).toContain('JSON array');
  });

  it('uploads a CSV, previews it, dry-runs it, imports it, and lists the import', async () => {
    const csv =
      'Id,Contact,Owner,Type,When\nu1,c1,r1,Call,2026-03-03T09:00:00Z\nu2,c2,r2,Email,2026-03-03T10:00:00Z\n';
    const { res, body } = await upload(csv);
    expect(res.status).toBe(201);
    expect(body).toMatchObject({
      fileName: 'calls.csv',
      header: ['Id', 'Contact', 'Owner', 'Type', 'When'],
      sampleRows: [
        ['u1', 'c1', 'r1', 'Call', '2026-03-03T09:00:00Z'],
        ['u2', 'c2', 'r2', 'Email', '2026-03-03T10:00:00Z'],
      ],
      delimiter: ',',
    });
    const dry = await json('POST', '/api/imports', {
      uploadId: body.uploadId,
      mapping: ACTIVITY_MAPPING,
      dryRun: true,
    });
    expect(await dry.json()).toMatchObject({ status: 'dry_run', inserted: 2 });
    const done = await json('POST', '/api/imports', {
      uploadId: body.uploadId,
      mapping: ACTIVITY_MAPPING,
    });
    const result = (await done.json()) as { status: string; importId: string; inserted: number };
    expect(result).toMatchObject({ status: 'committed', inserted: 2 });

    const list = (await (await app.request('/api/imports')).json()) as {
      imports: Array<{ id: string; origin: string }>;
    };
    expect(list.imports[0]).toMatchObject({ id: result.importId, origin: 'csv' });
    // The upload is gone once imported.
    const again = await json('POST', '/api/imports', {
      uploadId: body.uploadId,
      mapping: ACTIVITY_MAPPING,
    });
    expect(again.status).toBe(404);
  });

  it('refuses a file with a bad row as a whole (422) and keeps the report', async () => {
    const { body } = await upload(
      'Id,Contact,Owner,Type,When\nv1,c1,r1,Call,2026-03-04T09:00:00Z\nv2,c404,r1,Call,2026-03-04T10:00:00Z\n',
    );
    const res = await json('POST', '/api/imports', {
      uploadId: body.uploadId,
      mapping: ACTIVITY_MAPPING,
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as {
      detail: string;
      rejected: number;
      errors: Array<{ row: number; column: string }>;
      reportUrl: string;
    };
    expect(problem.detail).toContain('Nothing was imported: 1 of 2 rows have errors');
    expect(problem.errors[0]).toMatchObject({ row: 2, column: 'Contact' });
    const report = await (await app.request(problem.reportUrl)).text();
    expect(report).toContain("no contact with external id 'c404'");
    const v1 = await t.db
      .selectFrom('activities')
      .select('id')
      .where('external_id', '=', 'v1')
      .execute();
    expect(v1).toEqual([]);
  });

  it('names what is wrong with an empty, header-only or too large upload', async () => {
    const empty = await upload('');
    expect(empty.res.status).toBe(422);
    expect(empty.body.detail).toContain('empty');
    const headerOnly = await upload('Id,Contact\n');
    expect(headerOnly.res.status).toBe(422);
    expect(headerOnly.body.detail).toContain('no data rows');
    const large = await upload(`Id\n${'x\n'.repeat(6000)}`);
    expect(large.res.status).toBe(413);
    expect(large.body.detail).toContain('CLI');
  });

  it('saves, lists and deletes column mappings; a bad mapping is a 422 naming the field', async () => {
    const saved = await json('POST', '/api/import-mappings', {
      name: 'Our calls',
      mapping: ACTIVITY_MAPPING,
    });
    const mapping = (await saved.json()) as { id: string; entity: string };
    expect(mapping.entity).toBe('activities');
    const list = (await (await app.request('/api/import-mappings')).json()) as {
      mappings: unknown[];
    };
    expect(list.mappings).toHaveLength(1);
    const bad = await json('POST', '/api/import-mappings', {
      name: 'Bad',
      mapping: { entity: 'activities', fields: { channelz: { column: 'Type' } } },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { detail: string }).detail).toContain('channelz');
    expect((await json('DELETE', `/api/import-mappings/${mapping.id}`)).status).toBe(204);
  });

  it('lists presets and the fields of each entity', async () => {
    const body = (await (await app.request('/api/import-presets')).json()) as {
      presets: Array<{ key: string; system: string }>;
      fields: Record<string, unknown[]>;
    };
    expect(new Set(body.presets.map((p) => p.system))).toEqual(new Set(['hubspot', 'salesforce']));
    expect(Object.keys(body.fields).sort()).toEqual([
      'activities',
      'capacity',
      'contacts',
      'deals',
      'events',
      'reps',
    ]);
  });

  it('shows data health and announces committed imports over server-sent events', async () => {
    const health = (await (await app.request('/api/data-health?grain=week&periods=4')).json()) as {
      periods: unknown[];
      totals: Record<string, number>;
      lastImportAt: string | null;
    };
    expect(health.periods).toHaveLength(4);
    expect(health.totals).toMatchObject({ reps: 2, contacts: 2 });
    expect(health.lastImportAt).not.toBeNull();

    const controller = new AbortController();
    const stream = await app.request('/api/events', { signal: controller.signal });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    };
    await readUntil('event: ready');
    await post(
      '/api/bulk/reps',
      ndjson([{ externalId: 'r3', name: 'Cy', team: 'A' }]),
      'application/x-ndjson',
    );
    await readUntil('event: data-changed');
    expect(text).toMatch(/event: data-changed\ndata: \{"importId":"[0-9a-f-]+","entity":"reps"/);
    controller.abort();
    await reader.cancel().catch(() => {});
  });

  it('re-marks duplicates when the tolerance changes, and sets the counting policy', async () => {
    await post(
      '/api/bulk/activities',
      ndjson([
        {
          externalId: 't1',
          contactExternalId: 'c2',
          repExternalId: 'r2',
          channel: 'email',
          occurredAt: '2026-03-05T10:00:00Z',
          direction: 'outbound',
        },
        {
          externalId: 't2',
          sourceSystem: 'sync',
          contactExternalId: 'c2',
          repExternalId: 'r2',
          channel: 'email',
          occurredAt: '2026-03-05T10:03:00Z',
          direction: 'outbound',
        },
      ]),
      'application/x-ndjson',
    );
    const reason = async () =>
      (
        await t.db
          .selectFrom('activities')
          .select('excluded_reason')
          .where('workspace_id', '=', ws.id)
          .where('external_id', '=', 't2')
          .executeTakeFirstOrThrow()
      ).excluded_reason;
    expect(await reason()).toBeNull();
    const res = await json('PATCH', '/api/workspace', {
      duplicateToleranceSeconds: 300,
      countingPolicy: 'manual_only',
    });
    expect(await res.json()).toMatchObject({
      duplicateToleranceSeconds: 300,
      countingPolicy: 'manual_only',
    });
    expect(await reason()).toBe('duplicate');
  });
});
