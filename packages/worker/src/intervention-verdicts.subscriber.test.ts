import { Readable } from 'node:stream';
import { ACTIVITY_PER_CONTACT_TEMPLATE, type ImportEntity } from '@treeline/core';
import {
  createIntervention,
  createTreeFromTemplate,
  createWorkspace,
  insertWebhookEndpoint,
  readJsonRecords,
  runImport,
  type Workspace,
} from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interventionVerdicts } from './intervention-verdicts.subscriber';
import { type RunningWorker, startWorker } from './start-worker';

async function until(check: () => Promise<boolean>, what: string, ms = 90_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Mondays from 6 Jul 2026: 13 weeks before the 5 Oct start, 9 after (to 30 Nov). */
const WEEKS = Array.from({ length: 22 }, (_, w) => new Date(Date.UTC(2026, 6, 6 + 7 * w)));
const START_WEEK = 13;
const CONTACTS_PER_TEAM = 10;

/** Calls of one contact in week w: 2 or 3 (a fixed wobble), one more for team A from the start. */
function callsOf(team: 'A' | 'B', contact: number, w: number): number {
  const wobble = (w * 7 + contact * 3 + (team === 'A' ? 1 : 0)) % 4 === 0 ? 1 : 0;
  return 2 + wobble + (team === 'A' && w >= START_WEEK ? 1 : 0);
}

function activities(fromWeek: number, toWeek: number) {
  const rows: Record<string, unknown>[] = [];
  for (let w = fromWeek; w < toWeek; w++) {
    for (const team of ['A', 'B'] as const) {
      for (let k = 0; k < CONTACTS_PER_TEAM; k++) {
        for (let n = 0; n < callsOf(team, k, w); n++) {
          const at = new Date(WEEKS[w]!.getTime() + (1 + n) * 86_400_000 + 14 * 3_600_000);
          rows.push({
            externalId: `${team}-${k}-${w}-${n}`,
            contactExternalId: `${team}-c${k}`,
            repExternalId: `${team}-rep`,
            channel: 'call',
            occurredAt: at.toISOString(),
          });
        }
      }
    }
  }
  return rows;
}

describe.each(databaseKindsUnderTest())('verdicts recomputed as data arrive on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let worker: RunningWorker | null = null;
  let interventionId: string;
  let owner: string;
  let accountable: string;

  const load = (entity: ImportEntity, rows: unknown[]) =>
    runImport(
      { db: t.db, ...(t.copyFrom ? { copyFrom: t.copyFrom } : {}) },
      {
        workspaceId: ws.id,
        entity,
        origin: 'api',
        mode: 'all_or_nothing',
        records: readJsonRecords(
          entity,
          Readable.from([rows.map((r) => JSON.stringify(r)).join('\n')]),
          'ndjson',
        ),
      },
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'verdicts', name: 'Verdicts', time_zone: 'UTC' });
    const people = await t.db
      .insertInto('people')
      .values([
        { workspace_id: ws.id, name: 'Olu Owner', email: 'olu@example.com', role: 'editor' },
        { workspace_id: ws.id, name: 'Ada Accountable', email: 'ada@example.com', role: 'editor' },
      ])
      .returning('id')
      .execute();
    [owner, accountable] = [people[0]!.id, people[1]!.id];
    const treeId = await createTreeFromTemplate(t.db, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, {
      call: { accountable },
    });
    const callsNode = await t.db
      .selectFrom('tree_nodes')
      .select(['id', 'filter'])
      .where('tree_id', '=', treeId)
      .where('label', '=', 'Calls per contact')
      .executeTakeFirstOrThrow();
    const loaded = [
      await load('reps', [
        { externalId: 'A-rep', name: 'Rep A', team: 'Team A' },
        { externalId: 'B-rep', name: 'Rep B', team: 'Team B' },
      ]),
      await load(
        'contacts',
        ['A', 'B'].flatMap((team) =>
          Array.from({ length: CONTACTS_PER_TEAM }, (_, k) => ({
            externalId: `${team}-c${k}`,
            createdAt: '2026-06-01T09:00:00Z',
            lifecycleStage: 'contact',
          })),
        ),
      ),
      // Two weeks after the start: too few to judge.
      await load('activities', activities(0, START_WEEK + 2)),
    ];
    for (const result of loaded) expect(result.status, JSON.stringify(result)).toBe('committed');
    await insertWebhookEndpoint(t.db, {
      workspaceId: ws.id,
      name: 'Automation',
      url: 'http://127.0.0.1:9/hook',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      events: ['intervention.verdict_changed'],
    });
    const created = await createIntervention(
      t.db,
      ws,
      {
        treeId,
        targetNodeId: callsNode.id,
        title: 'Daily call block',
        description: '',
        ownerId: owner,
        startsOn: '2026-10-05',
        endsOn: null,
        expectedDirection: 'up',
        mde: 0.2,
        treatedScope: { dimension: 'team', values: ['Team A'] },
        comparisonScope: { dimension: 'team', values: null },
        outcomeNodeIds: [],
      },
      owner,
    );
    interventionId = created.id;
    expect(created.target.result?.reason, created.target.summary ?? '').toBe('insufficient_data');
    worker = await startWorker({
      database: t,
      pollingIntervalSeconds: 0.5,
      dispatchPollMs: 1_000,
      subscribers: [interventionVerdicts],
    });
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  it('an import that completes the after weeks turns the verdict to verified and tells the owner and the Accountable once', async () => {
    const more = await load('activities', activities(START_WEEK + 2, WEEKS.length));
    expect(more.status).toBe('committed');
    const changes = () =>
      t.db
        .selectFrom('intervention_verdict_changes')
        .select(['from_verdict', 'to_verdict', 'summary'])
        .where('workspace_id', '=', ws.id)
        .where('intervention_id', '=', interventionId)
        .orderBy('changed_at')
        .execute();
    await until(async () => (await changes()).length === 2, 'the verdict to change');
    const [first, second] = await changes();
    expect([first!.to_verdict, second!.from_verdict, second!.to_verdict]).toEqual([
      'inconclusive',
      'inconclusive',
      'verified',
    ]);
    expect(second!.summary).toMatch(
      /^Calls per contact for Team A rose by 1\.\d\d a week \(95% CI .* against the other teams; the rise was not there before 5 Oct\.$/,
    );
    const notes = await t.db
      .selectFrom('notifications')
      .select(['person_id', 'role', 'kind', 'title', 'link'])
      .where('workspace_id', '=', ws.id)
      .orderBy('role')
      .execute();
    expect(notes).toEqual([
      {
        person_id: accountable,
        role: 'accountable',
        kind: 'verdict',
        title: 'Daily call block: Verified',
        link: `#/interventions/${interventionId}`,
      },
      {
        person_id: owner,
        role: 'owner',
        kind: 'verdict',
        title: 'Daily call block: Verified',
        link: `#/interventions/${interventionId}`,
      },
    ]);
    const deliveries = await t.db
      .selectFrom('deliveries')
      .select(['channel', 'target', 'event_type'])
      .where('workspace_id', '=', ws.id)
      .orderBy('channel')
      .orderBy('target')
      .execute();
    expect(deliveries.map((d) => [d.channel, d.event_type])).toEqual([
      ['email', 'intervention.verdict_changed'],
      ['email', 'intervention.verdict_changed'],
      ['webhook', 'intervention.verdict_changed'],
    ]);
    expect(deliveries.slice(0, 2).map((d) => d.target)).toEqual([
      'ada@example.com',
      'olu@example.com',
    ]);
  });
});
