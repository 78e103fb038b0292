import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../schema/database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { createWorkspace } from '../workspaces/workspace.repository';
import { listDimensionValues } from './dimension-values';

describe.each(databaseKindsUnderTest())('dimension values on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let repIds: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'values', name: 'Values Co' });
    // Another workspace's values never show.
    const other = await createWorkspace(t.db, { slug: 'other', name: 'Other Co' });
    const rep = (workspace_id: string, external_id: string, name: string, team: string | null) => ({
      workspace_id,
      external_id,
      name,
      team,
      segment: team ? 'Enterprise' : null,
      person_id: null,
      active_from: null,
      active_to: null,
    });
    const reps = await t.db
      .insertInto('reps')
      .values([
        rep(ws.id, 'r1', 'Maya Chen', 'EMEA East'),
        rep(ws.id, 'r2', 'Ben Ode', 'EMEA East'),
        rep(ws.id, 'r3', 'Ana Ruiz', 'Americas'),
        rep(ws.id, 'r4', 'No Team', null),
        rep(other.id, 'r1', 'Elsewhere', 'Hidden team'),
      ])
      .returning(['id', 'name'])
      .execute();
    repIds = Object.fromEntries(reps.map((r) => [r.name, String(r.id)]));
    const contact = (
      workspace_id: string,
      external_id: string,
      source: string | null,
      deleted = false,
    ) => ({
      workspace_id,
      external_id,
      created_at: '2026-01-01T00:00:00Z',
      qualified_at: null,
      customer_at: null,
      lifecycle_stage: 'lead' as const,
      source,
      segment: null,
      owner_rep_id: null,
      account: null,
      deleted_at: deleted ? '2026-02-01T00:00:00Z' : null,
    });
    const contacts = await t.db
      .insertInto('contacts')
      .values([
        contact(ws.id, 'c1', 'ORGANIC_SEARCH'),
        contact(ws.id, 'c2', 'ORGANIC_SEARCH'),
        contact(ws.id, 'c3', 'Trade show'),
        contact(ws.id, 'c4', null),
        contact(ws.id, 'c5', 'Deleted source', true),
        contact(other.id, 'c1', 'Hidden source'),
      ])
      .returning('id')
      .execute();
    await t.db
      .insertInto('deals')
      .values(
        ['qualification', 'qualification', 'closedwon'].map((stage, index) => ({
          workspace_id: ws.id,
          external_id: `d${index}`,
          contact_id: contacts[0]!.id,
          account: null,
          owner_rep_id: null,
          created_at: '2026-01-05T00:00:00Z',
          closed_at: null,
          stage,
          outcome: null,
          amount: null,
          deleted_at: null,
        })),
      )
      .execute();
  });
  afterAll(() => t.close());

  it("lists the workspace's own values of free-text dimensions, with their row counts", async () => {
    const byName = new Map(
      (await listDimensionValues(t.db, ws.id)).map((d) => [d.dimension, d] as const),
    );
    expect(byName.get('team')).toEqual({
      dimension: 'team',
      kind: 'text',
      values: [
        { value: 'Americas', label: null, rows: 1 },
        { value: 'EMEA East', label: null, rows: 2 },
      ],
    });
    expect(byName.get('rep_segment')?.values).toEqual([
      { value: 'Enterprise', label: null, rows: 3 },
    ]);
    // Deleted contacts and contacts without a source are left out.
    expect(byName.get('source')?.values).toEqual([
      { value: 'ORGANIC_SEARCH', label: null, rows: 2 },
      { value: 'Trade show', label: null, rows: 1 },
    ]);
    expect(byName.get('stage')?.values?.map((v) => [v.value, v.rows])).toEqual([
      ['closedwon', 1],
      ['qualification', 2],
    ]);
    // Not listed: a distinct scan of every activity for it is not worth it.
    expect(byName.get('source_system')).toEqual({
      dimension: 'source_system',
      kind: 'text',
      values: null,
    });
  });

  it('lists enums and booleans from the engine, and reps by name with their ids', async () => {
    const byName = new Map(
      (await listDimensionValues(t.db, ws.id)).map((d) => [d.dimension, d] as const),
    );
    expect(byName.get('segment')?.values?.map((v) => v.value)).toEqual([
      'smb',
      'mid_market',
      'enterprise',
    ]);
    expect(byName.get('automated')?.values?.map((v) => v.value)).toEqual(['true', 'false']);
    expect(byName.get('rep')).toEqual({
      dimension: 'rep',
      kind: 'id',
      values: ['Ana Ruiz', 'Ben Ode', 'Maya Chen', 'No Team'].map((name) => ({
        value: repIds[name],
        label: name,
        rows: null,
      })),
    });
  });
});
