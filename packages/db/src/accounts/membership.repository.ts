/**
 * Who may act in which workspace. A person is a member of their workspace once an account
 * is linked to them (people.user_id) and while they are not deactivated; their role there
 * is the person's role. People without an account are RACI owners who only get email.
 */
import type { Kysely } from 'kysely';
import type { Database, Person, PersonRole, Workspace } from '../schema/database';

export interface Membership {
  workspace: Workspace;
  person: Person;
}

const membershipColumns = [
  'w.id as w_id',
  'w.slug as w_slug',
  'w.name as w_name',
  'w.time_zone as w_time_zone',
  'w.week_start as w_week_start',
  'w.fiscal_year_start_month as w_fiscal_year_start_month',
  'w.counting_policy as w_counting_policy',
  'w.duplicate_tolerance_seconds as w_duplicate_tolerance_seconds',
  'w.data_version as w_data_version',
  'w.created_at as w_created_at',
] as const;

type MembershipRow = Person & {
  w_id: string;
  w_slug: string;
  w_name: string;
  w_time_zone: string;
  w_week_start: number;
  w_fiscal_year_start_month: number;
  w_counting_policy: Workspace['counting_policy'];
  w_duplicate_tolerance_seconds: number;
  w_data_version: number;
  w_created_at: Date;
};

function membershipOf(row: MembershipRow): Membership {
  const {
    w_id,
    w_slug,
    w_name,
    w_time_zone,
    w_week_start,
    w_fiscal_year_start_month,
    w_counting_policy,
    w_duplicate_tolerance_seconds,
    w_data_version,
    w_created_at,
    ...person
  } = row;
  return {
    workspace: {
      id: w_id,
      slug: w_slug,
      name: w_name,
      time_zone: w_time_zone,
      week_start: w_week_start,
      fiscal_year_start_month: w_fiscal_year_start_month,
      counting_policy: w_counting_policy,
      duplicate_tolerance_seconds: w_duplicate_tolerance_seconds,
      data_version: w_data_version,
      created_at: w_created_at,
    },
    person,
  };
}

function memberships(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('people as p')
    .innerJoin('workspaces as w', 'w.id', 'p.workspace_id')
    .selectAll('p')
    .select(membershipColumns)
    .where('p.user_id', '=', userId)
    .where('p.deactivated_at', 'is', null);
}

/**
 * The workspaces the user can act in, oldest membership first.
 *
 * @example const [first] = await listMemberships(db, userId); first?.workspace.slug; // 'demo'
 */
export async function listMemberships(db: Kysely<Database>, userId: string): Promise<Membership[]> {
  const rows = await memberships(db, userId).orderBy('p.created_at').orderBy('w.slug').execute();
  return rows.map((row) => membershipOf(row as MembershipRow));
}

/**
 * The user's membership of the workspace with this slug, or undefined when there is none
 * (no such workspace, not a member, or deactivated: the caller cannot tell which).
 *
 * @example const m = await findMembership(db, userId, 'demo'); m?.person.role; // 'admin'
 */
export async function findMembership(
  db: Kysely<Database>,
  userId: string,
  workspaceSlug: string,
): Promise<Membership | undefined> {
  const row = await memberships(db, userId).where('w.slug', '=', workspaceSlug).executeTakeFirst();
  return row ? membershipOf(row as MembershipRow) : undefined;
}

/**
 * Accepting invitations: links the account, once its email is verified, to every person
 * invited with that email who has no account yet. Returns how many people it linked.
 *
 * @example await acceptInvitations(db, user.id); // 1
 */
export async function acceptInvitations(db: Kysely<Database>, userId: string): Promise<number> {
  const result = await db
    .updateTable('people')
    .set({ user_id: userId })
    .where('user_id', 'is', null)
    .where('invited_at', 'is not', null)
    .where('deactivated_at', 'is', null)
    .where((eb) =>
      eb(
        eb.fn('lower', ['email']),
        'in',
        eb
          .selectFrom('auth_users')
          .select((u) => u.fn<string>('lower', ['email']).as('email'))
          .where('id', '=', userId)
          .where('email_verified', '=', true),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The role order: each role may do what the ones before it may. */
export const ROLE_RANK: Record<PersonRole, number> = { viewer: 0, editor: 1, admin: 2 };

/**
 * True when `role` may do what `required` may.
 *
 * @example roleAllows('admin', 'editor'); // true
 */
export function roleAllows(role: PersonRole, required: PersonRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[required];
}

/** How many users have an account. @example await countUsers(db); // 0 before the first admin */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('auth_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The account with this email, if any. */
export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<{ id: string; name: string; email: string; email_verified: boolean } | undefined> {
  return db
    .selectFrom('auth_users')
    .select(['id', 'name', 'email', 'email_verified'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** The account with this id, if any. */
export async function findUserById(
  db: Kysely<Database>,
  userId: string,
): Promise<{ id: string; name: string; email: string; email_verified: boolean } | undefined> {
  return db
    .selectFrom('auth_users')
    .select(['id', 'name', 'email', 'email_verified'])
    .where('id', '=', userId)
    .executeTakeFirst();
}
