import {
  ACTIVITY_PER_CONTACT_TEMPLATE,
  BUILT_IN_METRICS,
  type DimensionFilter,
  type Grain,
  type MetricRequest,
  periodsBetween,
} from '@treeline/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markActivityExclusions } from '../counting/mark-activity-exclusions';
import { insertDemoData } from '../demo/insert-demo-data';
import {
  type EvaluationWorkspace,
  evaluateMetricSeries,
  evaluateMetricSeriesSettled,
} from '../metrics/evaluate-metric-series';
import type { CountingPolicy, Workspace } from '../schema/database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../testing';
import { buildTreeView } from '../trees/build-tree-view';
import { createTreeFromTemplate } from '../trees/tree.repository';
import { bumpDataVersion } from '../workspaces/workspace.repository';
import { refreshActivityRollup } from './refresh-activity-rollup';

// A zone with DST: March and November weeks have 167 and 169 hours, days 23 and 25.
const TIME_ZONE = 'America/New_York';
const END = new Date('2026-11-23T05:00:00Z');

/** Built-in metrics that read activities, directly or through the metrics they divide. */
const ACTIVITY_METRICS = [
  'activities_total',
  'active_contacts',
  'activity_per_contact',
  'reps_active',
  'selling_hours_per_rep',
  'touches_per_selling_hour',
  'activity_per_rep',
  'active_contacts_per_rep',
  'lead_response_time_median',
  'lead_response_time_p90',
  'outbound_activities',
  'replied_activities',
  'meetings_booked',
  'reply_rate',
  'meeting_rate',
];

const FILTERS: DimensionFilter[] = [
  {},
  { channel: 'call' },
  { team: 'Team A' },
  { segment: 'enterprise' },
  { source: 'referral' },
  { channel: 'email', segment: 'smb' },
];

describe.each(databaseKindsUnderTest())('the activity rollup on %s', (kind) => {
  let t: TestDatabase;
  let workspace: Workspace;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    workspace = await t.db
      .insertInto('workspaces')
      .values({ slug: 'rollup', name: 'Rollup', time_zone: TIME_ZONE })
      .returningAll()
      .executeTakeFirstOrThrow();
    // insertDemoData marks exclusions (duplicates, notes, system events, deleted, no
    // contact) and builds the rollup.
    await insertDemoData(t.db, workspace.id, {
      seed: 5,
      end: END,
      months: 13,
      timeZone: TIME_ZONE,
      scale: { reps: 9, contacts: 500, activities: 9_000 },
    });
    workspace = await t.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspace.id)
      .executeTakeFirstOrThrow();
  });
  afterAll(() => t.close());

  const periodsOf = (grain: Grain, from: string, to: string) =>
    periodsBetween(from, to, grain, { timeZone: TIME_ZONE });

  /** The series with and without the rollup, and what the activity scan read each time. */
  async function bothWays(
    requests: MetricRequest[],
    grain: Grain,
    policy: CountingPolicy,
    range: [string, string] = ['2025-11-01T00:00:00Z', '2026-11-23T05:00:00Z'],
  ) {
    const target: EvaluationWorkspace = { ...workspace, counting_policy: policy };
    const periods = periodsOf(grain, ...range);
    const reads: string[] = [];
    // Settled: a metric whose denominator cannot see a filter (selling hours by segment)
    // fails the same way both times.
    const withRollup = await evaluateMetricSeriesSettled(t.db, target, {
      periods,
      requests,
      onScan: (source, read) => {
        if (source === 'activities') reads.push(read);
      },
    });
    const raw = await evaluateMetricSeriesSettled(t.db, target, {
      periods,
      requests,
      useRollups: false,
    });
    return { withRollup, raw, reads };
  }

  it('holds every counted activity of the demo workspace once, and no excluded one', async () => {
    const counts = await sql<{ rollup: number; activities: number; counted: number }>`
      select (select sum(activities) from activity_rollups where workspace_id = ${workspace.id}) as rollup,
        (select count(*) from activities where workspace_id = ${workspace.id}) as activities,
        (select count(*) from activities where workspace_id = ${workspace.id} and excluded_reason is null) as counted`.execute(
      t.db,
    );
    const row = counts.rows[0]!;
    expect(Number(row.rollup)).toBe(Number(row.counted));
    expect(Number(row.counted)).toBeLessThan(Number(row.activities));
  });

  it('compares every built-in metric over activities', () => {
    const direct = BUILT_IN_METRICS.filter((m) => 'source' in m.definition)
      .filter((m) => (m.definition as { source: string }).source === 'activities')
      .map((m) => m.key);
    expect(direct.every((key) => ACTIVITY_METRICS.includes(key))).toBe(true);
  });

  for (const policy of ['all_touches', 'manual_only'] as const) {
    for (const grain of ['week', 'month'] as const) {
      it(`gives the raw scan's values for every activity metric and filter, by ${grain}, ${policy}`, async () => {
        const requests = ACTIVITY_METRICS.flatMap((metricKey) =>
          FILTERS.map((filter) => ({ metricKey, filter })),
        );
        const { withRollup, raw, reads } = await bothWays(requests, grain, policy);
        expect(reads).toEqual(['activity_rollup']);
        expect(withRollup).toEqual(raw);
        // The data are not all zero: the comparison means something.
        const first = raw[0]!;
        expect(first.ok && first.series.values.some((v) => (v ?? 0) > 0)).toBe(true);
        expect(raw.filter((outcome) => outcome.ok).length).toBeGreaterThan(requests.length / 2);
      });
    }

    it(`gives the raw scan's splits by channel, team, segment and rep, ${policy}`, async () => {
      const requests: MetricRequest[] = [
        { metricKey: 'activities_total', splitBy: 'channel' },
        { metricKey: 'activity_per_contact', splitBy: 'channel' },
        { metricKey: 'active_contacts', splitBy: 'team' },
        { metricKey: 'reps_active', splitBy: 'segment', filter: { direction: 'outbound' } },
        { metricKey: 'meeting_rate', splitBy: 'rep' },
        { metricKey: 'activities_total', splitBy: 'automated', filter: { source: 'referral' } },
      ];
      const { withRollup, raw, reads } = await bothWays(requests, 'month', policy);
      expect(reads).toEqual(['activity_rollup']);
      expect(withRollup).toEqual(raw);
    });
  }

  it('gives the raw values by day across both DST changes', async () => {
    const requests = ['activities_total', 'active_contacts', 'reps_active', 'reply_rate'].map(
      (metricKey) => ({ metricKey, filter: { team: 'Team B' } }),
    );
    for (const range of [
      ['2026-03-01T05:00:00Z', '2026-03-15T04:00:00Z'],
      ['2026-10-25T04:00:00Z', '2026-11-08T05:00:00Z'],
    ] as Array<[string, string]>) {
      const { withRollup, raw, reads } = await bothWays(requests, 'day', 'all_touches', range);
      expect(reads).toEqual(['activity_rollup']);
      expect(withRollup).toEqual(raw);
    }
  });

  it('reads the raw rows for what the rollup lacks, or for periods that split a day', async () => {
    const lacking = await bothWays(
      [{ metricKey: 'activities_total', filter: { source_system: 'hubspot' } }],
      'month',
      'all_touches',
    );
    expect(lacking.reads).toEqual(['rows']);
    // Periods cut in UTC split New York days.
    const reads: string[] = [];
    await evaluateMetricSeries(t.db, workspace, {
      periods: periodsBetween('2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z', 'month', {
        timeZone: 'UTC',
      }),
      requests: [{ metricKey: 'active_contacts' }],
      onScan: (source, read) => {
        if (source === 'activities') reads.push(read);
      },
    });
    expect(reads).toEqual(['rows']);
  });

  it('builds the same activity tree views with the rollup as without it', async () => {
    const treeId = await createTreeFromTemplate(t.db, workspace.id, ACTIVITY_PER_CONTACT_TEMPLATE);
    // A tree save is no CRM write; the rollup is still current.
    workspace = await t.db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    const views = async (useRollups: boolean) =>
      Promise.all(
        (
          [
            ['week', {}],
            ['month', { team: 'Team A' }],
            ['day', { segment: 'mid_market' }],
            ['week', { source: 'referral' }],
          ] as Array<[Grain, DimensionFilter]>
        ).map(([grain, filter]) =>
          buildTreeView(t.db, workspace, treeId, {
            grain,
            filter,
            periods: 8,
            now: END,
            useRollups,
          }),
        ),
      );
    const withRollup = await views(true);
    const raw = await views(false);
    expect(withRollup).toEqual(raw);
    expect(withRollup[0]!.nodes.some((node) => (node.value ?? 0) > 0)).toBe(true);
  });

  it('is ignored once the data change, and current again after a refresh of the touched days', async () => {
    const reads = async () => {
      const read: string[] = [];
      const [series] = await evaluateMetricSeries(t.db, workspace, {
        periods: periodsOf('week', '2026-10-05T04:00:00Z', '2026-11-23T05:00:00Z'),
        requests: [{ metricKey: 'activity_per_contact' }],
        onScan: (source, r) => {
          if (source === 'activities') read.push(r);
        },
      });
      return { read, values: series!.values };
    };
    const before = await reads();
    const contact = await t.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspace.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // Two touches a second apart: the second is a duplicate sync entry.
    const at = new Date('2026-11-10T15:00:00Z');
    await t.db
      .insertInto('activities')
      .values(
        [0, 1].map((second) => ({
          workspace_id: workspace.id,
          external_id: `rollup-${second}`,
          contact_id: contact.id,
          channel: 'call' as const,
          direction: 'outbound' as const,
          occurred_at: new Date(at.getTime() + second * 1000),
          excluded_reason: null,
          source_system: `sync-${second}`,
        })),
      )
      .execute();
    await markActivityExclusions(t.db, workspace.id, { since: at });
    const stale = await reads();
    expect(stale.read).toEqual(['rows']);
    expect(stale.values).not.toEqual(before.values);

    const { rows } = await refreshActivityRollup(t.db, workspace.id, {
      from: at,
      to: new Date(at.getTime() + 2000),
    });
    expect(rows).toBeGreaterThan(0);
    const fresh = await reads();
    expect(fresh).toEqual({ ...stale, read: ['activity_rollup'] });

    // A refresh of a range equals a full rebuild, and doing it again changes nothing.
    const snapshot = () =>
      sql`select day::text, contact_id, rep_id, channel, direction, automated, replied,
            meeting_booked, activities
          from activity_rollups where workspace_id = ${workspace.id}
          order by 1, 2, 3, 4, 5, 6, 7, 8`.execute(t.db);
    const ranged = (await snapshot()).rows;
    await refreshActivityRollup(t.db, workspace.id);
    expect((await snapshot()).rows).toEqual(ranged);
    await refreshActivityRollup(t.db, workspace.id, { from: at, to: END });
    expect((await snapshot()).rows).toEqual(ranged);
  });

  it('is unlogged; emptied as a server crash empties it, raw rows answer until a range refresh rebuilds it whole', async () => {
    const persistence = await sql<{ relname: string; relpersistence: string }>`
      select relname, relpersistence from pg_class
      where relname in ('activity_rollups', 'activity_rollup_state', 'activities')
        -- This test database's tables only: on PostgreSQL other test files have schemas of
        -- their own with the same tables, alive while they run.
        and pg_table_is_visible(oid)
      order by relname`.execute(t.db);
    expect(persistence.rows.map((r) => [r.relname, r.relpersistence])).toEqual([
      ['activities', 'p'],
      ['activity_rollup_state', 'u'],
      ['activity_rollups', 'u'],
    ]);
    const periods = periodsOf('month', '2026-01-01T05:00:00Z', '2026-11-01T04:00:00Z');
    const requests = [{ metricKey: 'activity_per_contact' }, { metricKey: 'reps_active' }];
    const read: string[] = [];
    const onScan = (source: string, r: string) => {
      if (source === 'activities') read.push(r);
    };
    const before = await evaluateMetricSeries(t.db, workspace, { periods, requests, onScan });
    // Crash recovery resets an unlogged table to empty: both tables at once.
    await sql`truncate activity_rollups, activity_rollup_state`.execute(t.db);
    const afterCrash = await evaluateMetricSeries(t.db, workspace, { periods, requests, onScan });
    expect(afterCrash).toEqual(before);
    // An import's refresh of one day rebuilds every day: the state says nothing was built.
    await refreshActivityRollup(t.db, workspace.id, { from: END, to: END });
    const rebuilt = await evaluateMetricSeries(t.db, workspace, { periods, requests, onScan });
    expect(rebuilt).toEqual(before);
    expect(read).toEqual(['activity_rollup', 'rows', 'activity_rollup']);
  });

  it('is rebuilt whole when the workspace time zone changed, and not read before', async () => {
    const other = await t.db
      .updateTable('workspaces')
      .set({ time_zone: 'Asia/Kolkata' })
      .where('id', '=', workspace.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await bumpDataVersion(t.db, workspace.id);
    const target = { ...other, time_zone: 'Asia/Kolkata' };
    const periods = periodsBetween('2026-06-01T00:00:00Z', '2026-09-01T00:00:00Z', 'month', {
      timeZone: 'Asia/Kolkata',
    });
    const requests = [{ metricKey: 'active_contacts' }, { metricKey: 'reps_active' }];
    const read: string[] = [];
    const onScan = (source: string, r: string) => {
      if (source === 'activities') read.push(r);
    };
    const raw = await evaluateMetricSeries(t.db, target, { periods, requests, onScan });
    // A range refresh after the zone changed still rebuilds every day.
    await refreshActivityRollup(t.db, workspace.id, { from: END, to: END });
    const withRollup = await evaluateMetricSeries(t.db, target, { periods, requests, onScan });
    expect(read).toEqual(['rows', 'activity_rollup']);
    expect(withRollup).toEqual(raw);
    const days = await sql<{ n: number }>`
      select count(*) as n from activity_rollups
      where workspace_id = ${workspace.id} and day = '2026-07-01'`.execute(t.db);
    expect(Number(days.rows[0]!.n)).toBeGreaterThan(0);
  });
});
