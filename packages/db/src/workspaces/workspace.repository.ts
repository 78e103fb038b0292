/** Reads and creates workspaces (tenants). */
import type { Kysely } from 'kysely';
import type { CountingPolicy, Database, NewWorkspace, Workspace } from '../schema/database';

export async function findWorkspaceBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/**
 * Every workspace, oldest first.
 *
 * @example const [first] = await listWorkspaces(db);
 */
export async function listWorkspaces(db: Kysely<Database>): Promise<Workspace[]> {
  return db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
}

export async function findWorkspaceById(
  db: Kysely<Database>,
  id: string,
): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createWorkspace(
  db: Kysely<Database>,
  values: NewWorkspace,
): Promise<Workspace> {
  return db.insertInto('workspaces').values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * Marks the workspace's CRM data as changed: every writer of reps, contacts, activities,
 * deals, events or capacity calls it (in its transaction), so cached tree values computed
 * from the data before are no longer served. Returns the new data version.
 * @example await bumpDataVersion(trx, workspace.id) // 8
 */
export async function bumpDataVersion(db: Kysely<Database>, workspaceId: string): Promise<number> {
  const row = await db
    .updateTable('workspaces')
    .set((eb) => ({ data_version: eb('data_version', '+', 1) }))
    .where('id', '=', workspaceId)
    .returning('data_version')
    .executeTakeFirst();
  return row?.data_version ?? 0;
}

/**
 * Sets the workspace's counting policy and/or duplicate tolerance; returns the workspace.
 * @example await updateWorkspaceCounting(trx, id, { countingPolicy: 'manual_only' })
 */
export async function updateWorkspaceCounting(
  db: Kysely<Database>,
  workspaceId: string,
  settings: { countingPolicy?: CountingPolicy; duplicateToleranceSeconds?: number },
): Promise<Workspace> {
  if (settings.countingPolicy === undefined && settings.duplicateToleranceSeconds === undefined) {
    return db
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
  }
  return db
    .updateTable('workspaces')
    .set({
      ...(settings.countingPolicy ? { counting_policy: settings.countingPolicy } : {}),
      ...(settings.duplicateToleranceSeconds !== undefined
        ? { duplicate_tolerance_seconds: settings.duplicateToleranceSeconds }
        : {}),
    })
    .where('id', '=', workspaceId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
