/** Reads and creates workspaces (tenants). */
import type { Kysely } from 'kysely';
import type { Database, NewWorkspace, Workspace } from '../schema/database';

export async function findWorkspaceBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Workspace | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
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
