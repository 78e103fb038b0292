/**
 * The demo workspace a new user sees: people with roles, generated CRM data and the
 * activity-per-contact tree with owners. Created whole in one transaction, so a start
 * that is killed mid-way leaves no half-seeded workspace behind.
 */
import { ACTIVITY_PER_CONTACT_TEMPLATE, type AlertRuleOverrides } from '@treeline/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type DemoScale, demoCadenceChange, insertDemoData } from '../demo';
import { seedDemoInterventions } from '../demo/demo-interventions';
import { DEMO_SCORE_MODEL } from '../demo/demo-score-model';
import type { Database, Workspace } from '../schema/database';
import { recomputeScoresIn } from '../scoring/recompute-scores';
import { insertScoreModel } from '../scoring/score-model.repository';
import { createTreeFromTemplate } from '../trees/tree.repository';
import { createWorkspace, findWorkspaceBySlug } from './workspace.repository';

export const DEMO_WORKSPACE_SLUG = 'demo';
export const DEMO_TIME_ZONE = 'America/New_York';

const DEMO_PEOPLE = [
  { key: 'vp', name: 'Maya Chen', email: 'maya.chen@example.com', role: 'admin' },
  { key: 'sdr', name: 'Jordan Reyes', email: 'jordan.reyes@example.com', role: 'editor' },
  { key: 'marketing', name: 'Priya Nair', email: 'priya.nair@example.com', role: 'editor' },
  { key: 'ae', name: 'Sam Okafor', email: 'sam.okafor@example.com', role: 'editor' },
  { key: 'social', name: 'Lena Fischer', email: 'lena.fischer@example.com', role: 'editor' },
  { key: 'ops', name: 'Tom Alvarez', email: 'tom.alvarez@example.com', role: 'viewer' },
] as const;

export interface SeedDemoOptions {
  seed?: number;
  scale?: DemoScale;
  /** The data ends just before this instant (default: now). */
  end?: Date;
  /** Calendar months of data before `end` (default 7; 52 weekly periods need 13). */
  months?: number;
  /**
   * Above 1: write the data over that many connections, each batch committing on its own
   * (for the 5 M-row bench set on PostgreSQL). The workspace is created under a loading
   * slug and renamed to `demo` only once data and tree are in, so a killed seed is never
   * taken for a finished one; a leftover loading workspace is deleted on the next try.
   */
  concurrency?: number;
  onProgress?: (entity: string, done: number, total: number) => void;
}

/**
 * Returns the demo workspace, creating and seeding it first when it does not exist.
 * @example const { workspace, created } = await ensureDemoWorkspace(db, { scale: 'demo' });
 */
export async function ensureDemoWorkspace(
  db: Kysely<Database>,
  options: SeedDemoOptions = {},
): Promise<{ workspace: Workspace; created: boolean }> {
  const existing = await findWorkspaceBySlug(db, DEMO_WORKSPACE_SLUG);
  if (existing) return { workspace: existing, created: false };
  const concurrency = options.concurrency ?? 1;
  const end = options.end ?? new Date();
  const dataOptions = {
    seed: options.seed ?? 20261123,
    scale: options.scale ?? 'demo',
    end,
    timeZone: DEMO_TIME_ZONE,
    ...(options.months !== undefined ? { months: options.months } : {}),
  };
  const data = async (target: Kysely<Database>, workspaceId: string) => {
    await insertDemoData(target, workspaceId, {
      ...dataOptions,
      ...(concurrency > 1 ? { concurrency } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // The planner learns of the rows before the interventions and scores read them, and
    // PGlite has no autovacuum to do it later (decision 0045). In the transaction, it
    // samples the transaction's own rows.
    for (const table of DEMO_DATA_TABLES) await sql`analyze ${sql.id(table)}`.execute(target);
  };
  // The tree, then the interventions judged on the data as of its end.
  const treeAndInterventions = async (trx: Transaction<Database>, ws: Workspace) => {
    const { treeId, ownerId } = await createDemoTree(trx, ws.id);
    await seedDemoInterventions(trx, ws, {
      treeId,
      ownerId,
      change: demoCadenceChange(dataOptions),
      now: end,
    });
  };
  if (concurrency > 1) {
    // A seed killed before: its workspace goes, and every row of it by cascade (but the
    // activities and their rollup, which have no foreign key to it).
    const loading = await db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', DEMO_LOADING_SLUG)
      .executeTakeFirst();
    if (loading) {
      await db.deleteFrom('activity_rollups').where('workspace_id', '=', loading.id).execute();
      await db.deleteFrom('activities').where('workspace_id', '=', loading.id).execute();
    }
    await db.deleteFrom('workspaces').where('slug', '=', DEMO_LOADING_SLUG).execute();
    const ws = await db
      .transaction()
      .execute((trx) => createDemoWorkspaceAndPeople(trx, DEMO_LOADING_SLUG));
    await data(db, ws.id);
    const workspace = await db.transaction().execute(async (trx) => {
      await treeAndInterventions(trx, ws);
      await createDemoScoreModel(trx, ws.id);
      return trx
        .updateTable('workspaces')
        .set({ slug: DEMO_WORKSPACE_SLUG })
        .where('id', '=', ws.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    return { workspace, created: true };
  }
  const workspace = await db.transaction().execute(async (trx) => {
    const ws = await createDemoWorkspaceAndPeople(trx, DEMO_WORKSPACE_SLUG);
    await data(trx, ws.id);
    await treeAndInterventions(trx, ws);
    await createDemoScoreModel(trx, ws.id);
    return ws;
  });
  return { workspace, created: true };
}

/** The tables the demo data fills, analyzed once it is in. */
const DEMO_DATA_TABLES = [
  'reps',
  'capacity',
  'contacts',
  'deals',
  'engagement_events',
  'activities',
  'activity_rollups',
] as const;

/** Slug of a demo workspace whose concurrent seeding has not finished. */
const DEMO_LOADING_SLUG = 'demo-loading';

async function createDemoWorkspaceAndPeople(
  trx: Kysely<Database>,
  slug: string,
): Promise<Workspace> {
  const ws = await createWorkspace(trx, {
    slug,
    name: 'Northwind Revenue',
    time_zone: DEMO_TIME_ZONE,
  });
  await trx
    .insertInto('people')
    .values(
      DEMO_PEOPLE.map(({ name, email, role }) => ({ workspace_id: ws.id, name, email, role })),
    )
    .execute();
  return ws;
}

/** The fit-and-engagement score model, scored once (its first computation tells nobody). */
async function createDemoScoreModel(trx: Transaction<Database>, workspaceId: string) {
  const model = await insertScoreModel(trx, workspaceId, DEMO_SCORE_MODEL);
  await recomputeScoresIn(trx, workspaceId, model.id);
}

/**
 * The activity-per-contact tree with the demo people as owners; returns it and the person who
 * owns the demo's interventions (the AE, so the calls node's Accountable hears of them too).
 */
async function createDemoTree(
  trx: Kysely<Database>,
  workspaceId: string,
): Promise<{ treeId: string; ownerId: string }> {
  const people = await trx
    .selectFrom('people')
    .select(['id', 'email'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const idOf = (key: (typeof DEMO_PEOPLE)[number]['key']) => {
    const email = DEMO_PEOPLE.find((p) => p.key === key)!.email;
    return people.find((p) => p.email === email)!.id;
  };
  const treeId = await createTreeFromTemplate(trx, workspaceId, ACTIVITY_PER_CONTACT_TEMPLATE, {
    root: {
      accountable: idOf('vp'),
      responsible: [idOf('sdr'), idOf('ae')],
      informed: [idOf('ops')],
    },
    call: { accountable: idOf('sdr'), responsible: [idOf('ae')] },
    email: { accountable: idOf('marketing'), responsible: [idOf('sdr')] },
    meeting: { accountable: idOf('ae') },
    social: { accountable: idOf('social'), consulted: [idOf('marketing')] },
    outcome: {
      accountable: idOf('vp'),
      responsible: [idOf('sdr'), idOf('ae')],
      informed: [idOf('ops')],
    },
    reply: { accountable: idOf('marketing'), responsible: [idOf('sdr')] },
    response: { accountable: idOf('sdr'), informed: [idOf('vp')] },
    per_rep: { accountable: idOf('vp'), consulted: [idOf('ops')] },
    contacts_per_rep: { accountable: idOf('ae'), consulted: [idOf('ops')] },
    hours_per_rep: { accountable: idOf('vp'), informed: [idOf('ops')] },
    touches_per_hour: { accountable: idOf('sdr'), responsible: [idOf('ae')] },
    call_per_hour: { accountable: idOf('sdr') },
    email_per_hour: { accountable: idOf('marketing') },
    meeting_per_hour: { accountable: idOf('ae') },
    social_per_hour: { accountable: idOf('social') },
  });
  // The demo shows nodes' own alert rules (docs/product.md §5): a median over the few leads
  // of a week swings too widely to alert on, so that node's alerts are off; the rates of
  // rare events (a few dozen meetings or replies a week) are watched by the month.
  for (const [label, rule] of DEMO_ALERT_RULES) {
    await trx
      .updateTable('tree_nodes')
      .set({ alert_rule: JSON.stringify(rule) })
      .where('workspace_id', '=', workspaceId)
      .where('tree_id', '=', treeId)
      .where('label', '=', label)
      .execute();
  }
  return { treeId, ownerId: idOf('ae') };
}

/** The demo tree's alert rules, by node label. */
export const DEMO_ALERT_RULES: ReadonlyArray<readonly [string, AlertRuleOverrides]> = [
  ['Lead response time (median)', { enabled: false }],
  ['Meeting rate', { grains: ['month'] }],
  ['Reply rate', { grains: ['month'] }],
];
