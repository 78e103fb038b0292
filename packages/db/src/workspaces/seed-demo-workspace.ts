/**
 * The demo workspace a new user sees: people with roles, generated CRM data and the
 * activity-per-contact tree with owners. Created whole in one transaction, so a start
 * that is killed mid-way leaves no half-seeded workspace behind.
 */
import { ACTIVITY_PER_CONTACT_TEMPLATE } from '@treeline/core';
import type { Kysely } from 'kysely';
import { type DemoScale, insertDemoData } from '../demo';
import type { Database, Workspace } from '../schema/database';
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
  const workspace = await db.transaction().execute(async (trx) => {
    const ws = await createWorkspace(trx, {
      slug: DEMO_WORKSPACE_SLUG,
      name: 'Northwind Revenue',
      time_zone: DEMO_TIME_ZONE,
    });
    const people = await trx
      .insertInto('people')
      .values(
        DEMO_PEOPLE.map(({ name, email, role }) => ({ workspace_id: ws.id, name, email, role })),
      )
      .returning(['id', 'email'])
      .execute();
    const idOf = (key: (typeof DEMO_PEOPLE)[number]['key']) => {
      const email = DEMO_PEOPLE.find((p) => p.key === key)!.email;
      return people.find((p) => p.email === email)!.id;
    };
    await insertDemoData(trx, ws.id, {
      seed: options.seed ?? 20261123,
      scale: options.scale ?? 'demo',
      end: options.end ?? new Date(),
      timeZone: DEMO_TIME_ZONE,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    await createTreeFromTemplate(trx, ws.id, ACTIVITY_PER_CONTACT_TEMPLATE, {
      root: {
        accountable: idOf('vp'),
        responsible: [idOf('sdr'), idOf('ae')],
        informed: [idOf('ops')],
      },
      call: { accountable: idOf('sdr'), responsible: [idOf('ae')] },
      email: { accountable: idOf('marketing'), responsible: [idOf('sdr')] },
      meeting: { accountable: idOf('ae') },
      social: { accountable: idOf('social'), consulted: [idOf('marketing')] },
    });
    return ws;
  });
  return { workspace, created: true };
}
