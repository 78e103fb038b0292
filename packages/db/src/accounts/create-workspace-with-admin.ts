/**
 * A new workspace with its first admin, in one transaction: the workspace and the person
 * the account is there, so no workspace is ever left without anyone who can act in it.
 */
import { DomainError } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, Person, Workspace } from '../schema/database';

/** A slug from a name: lowercase letters, digits and single dashes. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'workspace';
}

/**
 * @example
 * const { workspace, person } = await createWorkspaceWithAdmin(db, {
 *   name: 'Acme Revenue', admin: { userId, name: 'Ana', email: 'ana@example.com' },
 * });
 */
export async function createWorkspaceWithAdmin(
  db: Kysely<Database>,
  input: {
    name: string;
    /** Defaults to one made from the name, numbered when taken. */
    slug?: string;
    timeZone?: string;
    admin: { userId: string; name: string; email: string };
  },
): Promise<{ workspace: Workspace; person: Person }> {
  return db.transaction().execute(async (trx) => {
    let slug = input.slug ?? slugOf(input.name);
    const taken = await trx
      .selectFrom('workspaces')
      .select('slug')
      .where((eb) => eb.or([eb('slug', '=', slug), eb('slug', 'like', `${slug}-%`)]))
      .execute();
    const slugs = new Set(taken.map((row) => row.slug));
    if (slugs.has(slug)) {
      if (input.slug) {
        throw new DomainError('slug_taken', `The address '${slug}' is taken; choose another.`);
      }
      let n = 2;
      while (slugs.has(`${slug}-${n}`)) n++;
      slug = `${slug}-${n}`;
    }
    const workspace = await trx
      .insertInto('workspaces')
      .values({
        slug,
        name: input.name,
        ...(input.timeZone ? { time_zone: input.timeZone } : {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const person = await trx
      .insertInto('people')
      .values({
        workspace_id: workspace.id,
        name: input.admin.name,
        email: input.admin.email,
        role: 'admin',
        user_id: input.admin.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { workspace, person };
  });
}
