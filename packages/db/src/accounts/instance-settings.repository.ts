/**
 * Settings of the installation that every API and worker process must share (the auth
 * secret): written once by whichever process needs one first.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

/**
 * The setting `key`, created with `make()` if absent; concurrent first calls agree on one
 * value (the insert of the loser is ignored and the winner's value read back).
 *
 * @example const secret = await instanceSetting(db, 'auth_secret', () => randomSecret());
 */
export async function instanceSetting(
  db: Kysely<Database>,
  key: string,
  make: () => string,
): Promise<string> {
  const found = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (found) return found.value;
  await db
    .insertInto('instance_settings')
    .values({ key, value: make() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.value;
}
