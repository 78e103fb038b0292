import type { Grain, TreeTemplate } from '@treeline/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markActivityExclusions } from '../counting/mark-activity-exclusions';
import { insertMetricsFixture, type MetricsFixture } from '../metrics/metrics-fixture.test-helpers';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { bumpDataVersion } from '../workspaces/workspace.repository';
import { buildTreeView, type TreeViewOptions } from './build-tree-view';
import { cachedTreeView, TreeViewCache } from './cached-tree-view';
import { createTreeFromTemplate } from './tree.repository';

const TEMPLATE: TreeTemplate = {
  key: 'cache_test',
  name: 'Cache test',
  description: 'Activity per contact and its parts',
  nodes: [
    {
      ref: 'perContact',
      metricKey: 'activity_per_contact',
      label: 'Per contact',
      position: { x: 0, y: 0 },
    },
    {
      ref: 'activities',
      metricKey: 'activities_total',
      label: 'Activities',
      position: { x: 0, y: 1 },
    },
    {
      ref: 'contacts',
      metricKey: 'active_contacts',
      label: 'Active contacts',
      position: { x: 1, y: 1 },
    },
  ],
  edges: [
    { parent: 'perContact', child: 'activities', relation: 'ratio', role: 'numerator' },
    { parent: 'perContact', child: 'contacts', relation: 'ratio', role: 'denominator' },
  ],
};

const OPTIONS: { grain: Grain; periods: number; now: Date } = {
  grain: 'month',
  periods: 3,
  now: new Date('2026-04-15T12:00:00Z'),
};

describe.each(databaseKindsUnderTest())('cachedTreeView on %s', (kind) => {
  let t: TestDatabase;
  let fixture: MetricsFixture;
  let treeId: string;
  let cache: TreeViewCache;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    fixture = await insertMetricsFixture(t.db);
    treeId = await createTreeFromTemplate(t.db, fixture.workspace.id, TEMPLATE);
  });
  afterAll(() => t.close());
  beforeEach(() => {
    cache = new TreeViewCache(8);
  });

  const cached = (options: Partial<TreeViewOptions> = {}) =>
    cachedTreeView(t.db, fixture.workspace, treeId, { ...OPTIONS, ...options }, cache);

  it('computes the view once and serves the same view on a hit', async () => {
    const first = await cached();
    const second = await cached();
    expect(cache).toMatchObject({ hits: 1, misses: 1 });
    expect(second).toBe(first);
    expect(second).toEqual(await buildTreeView(t.db, fixture.workspace, treeId, OPTIONS));
    // Another clock in the same month asks for the same range: still a hit.
    await cached({ now: new Date('2026-04-29T12:00:00Z') });
    expect(cache.hits).toBe(2);
  });

  it('misses for another range or grain, and for an unknown tree returns null', async () => {
    await cached();
    await cached({ now: new Date('2026-05-15T12:00:00Z') });
    await cached({ periods: 2 });
    await cached({ grain: 'week' });
    await cached({ filter: { team: 'A', segment: 'smb' } });
    await cached({ filter: { segment: 'smb', team: 'A' } }); // the same filter: a hit
    expect(cache).toMatchObject({ hits: 1, misses: 5 });
    expect(
      await cachedTreeView(
        t.db,
        fixture.workspace,
        '00000000-0000-4000-8000-000000000000',
        OPTIONS,
        cache,
      ),
    ).toBeNull();
  });

  it('keys on the focus period and the compare mode', async () => {
    const february = await cached({ at: '2026-02-01' });
    expect(await cached({ at: '2026-02-20' })).toBe(february); // the same month: a hit
    expect(february?.period.label).toBe('Feb 2026');
    const march = await cached({ at: '2026-03-03' });
    expect(await cached({ at: '2027-01-01' })).toBe(march); // past the last complete: March
    expect(await cached()).toBe(march); // no date: the last complete month, March
    expect(await cached({ compare: 'previous' })).toBe(march); // the default mode
    const lastYear = await cached({ compare: 'year' });
    expect(lastYear).not.toBe(march);
    expect(lastYear?.previousPeriod.label).toBe('Mar 2025');
    expect(cache).toMatchObject({ hits: 4, misses: 3 });
  });

  it('misses after the data version is bumped, and shows the new data', async () => {
    const before = await cached();
    await bumpDataVersion(t.db, fixture.workspace.id);
    const after = await cached();
    expect(cache).toMatchObject({ hits: 0, misses: 2 });
    expect(after).not.toBe(before);
    expect(after).toEqual(before);

    // A real change: a March call deleted in the CRM, then the counting rules re-run.
    const march = await t.db
      .selectFrom('activities')
      .select('id')
      .where('workspace_id', '=', fixture.workspace.id)
      .where('excluded_reason', 'is', null)
      .where('occurred_at', '=', new Date('2026-03-06T10:00:00Z')) // A24: C6 call, no duplicate
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('activities')
      .set({ deleted_at: new Date('2026-04-10T00:00:00Z') })
      .where('workspace_id', '=', fixture.workspace.id)
      .where('id', '=', march.id)
      .execute();
    expect((await cached())!.nodes.find((n) => n.label === 'Activities')!.value).toBe(
      before!.nodes.find((n) => n.label === 'Activities')!.value,
    );
    const version = async () =>
      (
        await t.db
          .selectFrom('workspaces')
          .select('data_version')
          .where('id', '=', fixture.workspace.id)
          .executeTakeFirstOrThrow()
      ).data_version;
    const versionBefore = await version();
    await markActivityExclusions(t.db, fixture.workspace.id);
    expect(await version()).toBe(versionBefore + 1);
    const changed = await cached();
    const fresh = await buildTreeView(t.db, fixture.workspace, treeId, OPTIONS);
    expect(changed).toEqual(fresh);
    expect(fresh).not.toEqual(before);
  });

  it('misses after the tree version is bumped', async () => {
    await cached();
    await t.db
      .updateTable('trees')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('workspace_id', '=', fixture.workspace.id)
      .where('id', '=', treeId)
      .execute();
    await cached();
    expect(cache).toMatchObject({ hits: 0, misses: 2 });
  });

  it('keeps at most maxEntries views, dropping the least recently used', async () => {
    const small = new TreeViewCache(2);
    const at = (month: number) =>
      cachedTreeView(
        t.db,
        fixture.workspace,
        treeId,
        { ...OPTIONS, now: new Date(Date.UTC(2026, month, 15)) },
        small,
      );
    await at(3);
    await at(4);
    await at(3); // hit: April becomes the most recent
    await at(5); // evicts May
    await at(3); // hit
    await at(4); // miss: was evicted
    expect(small).toMatchObject({ hits: 2, misses: 4, size: 2 });
  });
});
