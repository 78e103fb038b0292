/**
 * The digest: what people are Informed of comes in one email a day or a week instead of
 * one each. The worker asks who has items waiting, then takes each person's items for one
 * digest key (the local day or week it is for) in the transaction that enqueues the email,
 * so an item is carried once and a digest key is used once, however often the job runs.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, DigestFrequency } from '../schema/database';

/** The notification roles that go into digests (Informed people's copies). */
export const DIGEST_ROLES = ['digest', 'informed'] as const;

export interface DigestRecipient {
  workspaceId: string;
  workspaceName: string;
  timeZone: string;
  weekStart: number;
  personId: string;
  name: string;
  email: string;
  digest: Exclude<DigestFrequency, 'off'>;
}

/** People with unread digest items not yet digested, whose digest is not off. */
export async function digestRecipients(db: Kysely<Database>): Promise<DigestRecipient[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('people as p', (j) =>
      j.onRef('p.workspace_id', '=', 'n.workspace_id').onRef('p.id', '=', 'n.person_id'),
    )
    .innerJoin('workspaces as w', 'w.id', 'n.workspace_id')
    .leftJoin('notification_preferences as np', (j) =>
      j.onRef('np.workspace_id', '=', 'n.workspace_id').onRef('np.person_id', '=', 'n.person_id'),
    )
    .select([
      'n.workspace_id',
      'w.name as workspace_name',
      'w.time_zone',
      'w.week_start',
      'n.person_id',
      'p.name',
      'p.email',
      'np.digest',
    ])
    .distinct()
    .where('n.role', 'in', [...DIGEST_ROLES])
    .where('n.read_at', 'is', null)
    .where('n.digested_at', 'is', null)
    .where('p.deactivated_at', 'is', null)
    .where((eb) => eb.or([eb('np.digest', 'is', null), eb('np.digest', '!=', 'off')]))
    .execute();
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    timeZone: row.time_zone,
    weekStart: Number(row.week_start),
    personId: row.person_id,
    name: row.name,
    email: row.email,
    digest: row.digest === 'weekly' ? 'weekly' : 'daily',
  }));
}

export interface DigestItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
}

/**
 * Takes the person's waiting digest items for `key` (e.g. 'daily:2026-12-07'): none when
 * that key's digest was already sent (the items wait for the next one), else every unread
 * undigested item, marked digested with the key. Call inside the transaction that enqueues
 * the email; a concurrent run skips the locked items.
 */
export async function takeDigestItems(
  trx: Transaction<Database>,
  recipient: Pick<DigestRecipient, 'workspaceId' | 'personId'>,
  key: string,
  sourceKey: string,
  now = new Date(),
): Promise<DigestItem[]> {
  const sent = await trx
    .selectFrom('deliveries')
    .select('id')
    .where('workspace_id', '=', recipient.workspaceId)
    .where('source_key', '=', sourceKey)
    .executeTakeFirst();
  if (sent) return [];
  const rows = await trx
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at'])
    .where('workspace_id', '=', recipient.workspaceId)
    .where('person_id', '=', recipient.personId)
    .where('role', 'in', [...DIGEST_ROLES])
    .where('read_at', 'is', null)
    .where('digested_at', 'is', null)
    .orderBy('created_at')
    .forUpdate()
    .skipLocked()
    .execute();
  if (rows.length === 0) return [];
  await trx
    .updateTable('notifications')
    .set({ digested_at: now, digest_key: key })
    .where('workspace_id', '=', recipient.workspaceId)
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.created_at,
  }));
}
