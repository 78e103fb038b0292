/**
 * Recomputes a model's scores (docs/decisions/0043-contact-scoring.md), in one transaction
 * holding the model's lock: every contact of the scope scored as of an instant in one
 * statement (score-sql.ts) into a temporary table, then, set-based, the crossings of each
 * threshold (from the stored score to the new one, 0 for a contact never scored), the
 * history (the changed contacts' open spans closed, new ones opened) and the current scores.
 * Crossings of a live recompute notify the contact owner's person and enqueue a signed
 * webhook to every endpoint subscribed to score.threshold_crossed, in the same transaction;
 * a backfill's, and those of a model's first computation, are recorded as history only.
 */
import type { ScoreModelDraft } from '@treeline/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { enqueueDeliveries, type NewDelivery } from '../delivery/delivery.repository';
import { insertNotifications } from '../delivery/notification.repository';
import { webhookEndpointsFor } from '../delivery/webhook-endpoint.repository';
import type { Database } from '../schema/database';
import { lockScoreModel } from './score-model.repository';
import { bandSql, contactScoresSql, type ScoreScope } from './score-sql';

export const SCORE_CROSSED_EVENT = 'score.threshold_crossed';

export interface RecomputeOutcome {
  /** Contacts of the scope scored. */
  scored: number;
  /** Contacts whose score changed (new ones included). */
  changed: number;
  crossings: number;
  /** Crossings told (notifications and webhooks), not recorded as history only. */
  notified: number;
}

export interface RecomputeOptions {
  scope?: ScoreScope;
  /** The instant the scores are as of (default: the transaction's now). */
  asOf?: Date;
  /** Record crossings as history, never told (backfills). */
  backfill?: boolean;
}

/**
 * Recomputes in a transaction of its own; returns null when the model no longer exists.
 *
 * @example await recomputeScores(db, workspaceId, modelId, { scope: { kind: 'contacts', ids: [4, 9] } });
 */
export async function recomputeScores(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeOutcome | null> {
  return db.transaction().execute((trx) => recomputeScoresIn(trx, workspaceId, modelId, options));
}

/** The same, inside the caller's transaction. */
export async function recomputeScoresIn(
  trx: Transaction<Database>,
  workspaceId: string,
  modelId: string,
  options: RecomputeOptions = {},
): Promise<RecomputeOutcome | null> {
  await lockScoreModel(trx, modelId);
  const model = await trx
    .selectFrom('score_models')
    .select(['definition', 'computed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', modelId)
    .executeTakeFirst();
  if (!model) return null;
  const draft = model.definition as ScoreModelDraft;
  const scope = options.scope ?? { kind: 'all' };
  const { rows: clock } = await sql<{ now: Date }>`select now() as now`.execute(trx);
  const asOf = options.asOf ?? clock[0]?.now ?? new Date();
  const quiet = options.backfill === true || model.computed_at === null;

  await sql`drop table if exists score_new`.execute(trx);
  await sql`create temp table score_new on commit drop as
    select n.contact_id, n.score, coalesce(o.score, 0)::float8 as old_score, o.contact_id is null as fresh
    from (${contactScoresSql({ workspaceId, rules: draft.rules, asOf, scope })}) n
    left join contact_scores o
      on o.workspace_id = ${workspaceId}::uuid and o.model_id = ${modelId}::uuid and o.contact_id = n.contact_id`.execute(
    trx,
  );
  // Statistics for the statements that join it (without, they plan for one row).
  await sql`analyze score_new`.execute(trx);
  const { rows: counts } = await sql<{ scored: number; changed: number }>`
    select count(*)::int as scored, count(*) filter (where fresh or score <> old_score)::int as changed
    from score_new`.execute(trx);
  const scored = counts[0]?.scored ?? 0;
  const changed = counts[0]?.changed ?? 0;

  const { rows: crossings } = await sql<{
    id: string;
    contact_id: number;
    threshold: number;
    direction: 'up' | 'down';
    from_score: number;
    to_score: number;
  }>`
    insert into score_threshold_crossings
      (workspace_id, model_id, contact_id, threshold, direction, from_score, to_score, crossed_at, backfilled)
    select ${workspaceId}::uuid, ${modelId}::uuid, n.contact_id, t.threshold,
      case when n.score >= t.threshold then 'up' else 'down' end, n.old_score, n.score, ${asOf}::timestamptz, ${quiet}
    from score_new n cross join unnest(${draft.thresholds}::float8[]) as t(threshold)
    where (n.old_score < t.threshold and n.score >= t.threshold)
       or (n.score < t.threshold and n.old_score >= t.threshold)
    on conflict (workspace_id, model_id, contact_id, threshold, crossed_at) do nothing
    returning id, contact_id, threshold, direction, from_score, to_score`.execute(trx);

  // History: close the open span of every changed contact, open one at the new score.
  await sql`update contact_score_history h set valid_to = ${asOf}::timestamptz
    from score_new n
    where h.workspace_id = ${workspaceId}::uuid and h.model_id = ${modelId}::uuid
      and h.contact_id = n.contact_id and h.valid_to is null and n.score <> h.score
      and h.valid_from < ${asOf}::timestamptz`.execute(trx);
  await sql`insert into contact_score_history (workspace_id, model_id, contact_id, valid_from, score)
    select ${workspaceId}::uuid, ${modelId}::uuid, n.contact_id, ${asOf}::timestamptz, n.score
    from score_new n
    where (n.fresh or n.score <> n.old_score)
    on conflict (workspace_id, model_id, contact_id, valid_from) do update set score = excluded.score, valid_to = null`.execute(
    trx,
  );
  await sql`insert into contact_scores (workspace_id, model_id, contact_id, score, band, computed_at)
    select ${workspaceId}::uuid, ${modelId}::uuid, n.contact_id, n.score, ${bandSql(draft.bands, sql`n.score`)}, ${asOf}::timestamptz
    from score_new n
    on conflict (workspace_id, model_id, contact_id) do update
      set score = excluded.score, band = excluded.band, computed_at = excluded.computed_at`.execute(
    trx,
  );
  if (scope.kind === 'all') {
    // Contacts deleted since: their scores go, their history ends.
    await sql`update contact_score_history h set valid_to = ${asOf}::timestamptz
      where h.workspace_id = ${workspaceId}::uuid and h.model_id = ${modelId}::uuid and h.valid_to is null
        and h.valid_from < ${asOf}::timestamptz
        and not exists (select 1 from score_new n where n.contact_id = h.contact_id)`.execute(trx);
    await sql`delete from contact_scores s
      where s.workspace_id = ${workspaceId}::uuid and s.model_id = ${modelId}::uuid
        and not exists (select 1 from score_new n where n.contact_id = s.contact_id)`.execute(trx);
  }
  await trx
    .updateTable('score_models')
    .set({ computed_at: asOf })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', modelId)
    .execute();
  await sql`drop table score_new`.execute(trx);

  const notified = quiet ? 0 : await tellCrossings(trx, workspaceId, modelId, draft, crossings);
  return { scored, changed, crossings: crossings.length, notified };
}

interface Crossing {
  id: string;
  contact_id: number;
  threshold: number;
  direction: 'up' | 'down';
  from_score: number;
  to_score: number;
}

const CHUNK = 1000;

/** The in-app notifications and webhooks of live crossings (the caller's transaction). */
async function tellCrossings(
  trx: Transaction<Database>,
  workspaceId: string,
  modelId: string,
  draft: ScoreModelDraft,
  crossings: readonly Crossing[],
): Promise<number> {
  if (crossings.length === 0) return 0;
  const endpoints = await webhookEndpointsFor(trx, workspaceId, SCORE_CROSSED_EVENT);
  for (let start = 0; start < crossings.length; start += CHUNK) {
    const chunk = crossings.slice(start, start + CHUNK);
    const contacts = await trx
      .selectFrom('contacts as c')
      .leftJoin('reps as r', (j) =>
        j.onRef('r.workspace_id', '=', 'c.workspace_id').onRef('r.id', '=', 'c.owner_rep_id'),
      )
      .leftJoin('people as p', (j) =>
        j
          .onRef('p.workspace_id', '=', 'r.workspace_id')
          .onRef('p.id', '=', 'r.person_id')
          .on('p.deactivated_at', 'is', null),
      )
      .select(['c.id', 'c.external_id', 'p.id as person_id'])
      .where('c.workspace_id', '=', workspaceId)
      .where(
        'c.id',
        'in',
        chunk.map((c) => c.contact_id),
      )
      .execute();
    const byId = new Map(contacts.map((c) => [Number(c.id), c]));
    const notifications = chunk.flatMap((crossing) => {
      const contact = byId.get(Number(crossing.contact_id));
      if (!contact?.person_id) return [];
      const verb = crossing.direction === 'up' ? 'rose above' : 'fell below';
      return [
        {
          workspaceId,
          personId: contact.person_id,
          kind: 'score_threshold',
          role: 'owner',
          title: `${contact.external_id} ${verb} ${crossing.threshold} on ${draft.name}`,
          body: `Score ${crossing.from_score} → ${crossing.to_score}.`,
          link: `#/contacts/scoring/${modelId}?contact=${crossing.contact_id}`,
        },
      ];
    });
    await insertNotifications(trx, notifications);
    const deliveries: NewDelivery[] = chunk.flatMap((crossing) =>
      endpoints.map((endpoint) => ({
        workspaceId,
        channel: 'webhook' as const,
        target: endpoint.id,
        eventType: SCORE_CROSSED_EVENT,
        sourceKey: `score-crossing:${crossing.id}`,
        payload: {
          body: {
            type: SCORE_CROSSED_EVENT,
            modelId,
            model: draft.name,
            contactId: Number(crossing.contact_id),
            contactExternalId: byId.get(Number(crossing.contact_id))?.external_id ?? null,
            threshold: crossing.threshold,
            direction: crossing.direction,
            from: crossing.from_score,
            to: crossing.to_score,
          },
        },
      })),
    );
    await enqueueDeliveries(trx, deliveries);
  }
  return crossings.length;
}
