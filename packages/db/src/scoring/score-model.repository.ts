/**
 * Score models of a workspace: saved only once core's checkScoreModel accepts them against
 * what the workspace's data knows (its vocabulary), read back as core's draft.
 */
import {
  checkScoreModel,
  DomainError,
  SCORE_EVENT_LABELS,
  SCORE_EVENTS,
  type ScoreModelDraft,
  ScoreModelDraftSchema,
  type ScoreModelIssue,
  type ScoringVocabulary,
} from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';

export interface StoredScoreModel {
  id: string;
  workspaceId: string;
  draft: ScoreModelDraft;
  createdAt: Date;
  updatedAt: Date;
  computedAt: Date | null;
}

type Row = {
  id: string;
  workspace_id: string;
  definition: unknown;
  created_at: Date;
  updated_at: Date;
  computed_at: Date | null;
};

const modelOf = (row: Row): StoredScoreModel => ({
  id: row.id,
  workspaceId: row.workspace_id,
  draft: ScoreModelDraftSchema.parse(row.definition),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  computedAt: row.computed_at,
});

/** The custom properties, event properties and events the workspace's data holds. */
export async function scoringVocabulary(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<ScoringVocabulary> {
  const { rows: contactKeys } = await sql<{ key: string }>`
    select distinct jsonb_object_keys(properties) as key from contacts
    where workspace_id = ${workspaceId}::uuid order by 1`.execute(db);
  const { rows: eventKeys } = await sql<{ key: string }>`
    select distinct jsonb_object_keys(properties) as key from engagement_events
    where workspace_id = ${workspaceId}::uuid order by 1`.execute(db);
  const { rows: present } = await sql<{ event: string }>`
    select distinct type as event from engagement_events where workspace_id = ${workspaceId}::uuid
    union
    select distinct 'activity.' || channel from activities
      where workspace_id = ${workspaceId}::uuid and excluded_reason is null
    union
    select 'activity.reply' where exists (select 1 from activities
      where workspace_id = ${workspaceId}::uuid and replied and excluded_reason is null)
    union
    select 'activity.meeting_booked' where exists (select 1 from activities
      where workspace_id = ${workspaceId}::uuid and meeting_booked and excluded_reason is null)`.execute(
    db,
  );
  const events = new Set(present.map((r) => r.event));
  return {
    contactProperties: contactKeys.map((r) => r.key),
    eventProperties: eventKeys.map((r) => r.key),
    eventsPresent: SCORE_EVENTS.filter((e) => events.has(e)),
    events: SCORE_EVENTS.map((value) => ({ value, label: SCORE_EVENT_LABELS[value] })),
  };
}

/** The model checked against the workspace's vocabulary; throws invalid_score_model naming each rule. */
export async function checkedScoreModel(
  db: Kysely<Database>,
  workspaceId: string,
  input: unknown,
): Promise<{ draft: ScoreModelDraft; warnings: ScoreModelIssue[] }> {
  const check = checkScoreModel(input, await scoringVocabulary(db, workspaceId));
  if (!check.ok) {
    const first = check.issues.find((i) => i.severity === 'error');
    const where =
      first?.rule === null || first?.rule === undefined ? '' : `rule ${first.rule + 1}: `;
    throw new DomainError(
      'invalid_score_model',
      `${where}${first?.message ?? 'the model is invalid'}`,
      { issues: check.issues },
    );
  }
  return { draft: check.model, warnings: check.issues };
}

export async function insertScoreModel(
  db: Kysely<Database>,
  workspaceId: string,
  draft: ScoreModelDraft,
): Promise<StoredScoreModel> {
  const row = await db
    .insertInto('score_models')
    .values({ workspace_id: workspaceId, name: draft.name, definition: JSON.stringify(draft) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return modelOf(row);
}

/** Replaces a model's definition; its scores are recomputed by the caller. */
export async function updateScoreModel(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  draft: ScoreModelDraft,
): Promise<StoredScoreModel | undefined> {
  const row = await db
    .updateTable('score_models')
    .set({ name: draft.name, definition: JSON.stringify(draft), updated_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? modelOf(row) : undefined;
}

export async function listScoreModels(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<Array<StoredScoreModel & { scoredContacts: number }>> {
  const rows = await db
    .selectFrom('score_models as m')
    .selectAll('m')
    .select((eb) =>
      eb
        .selectFrom('contact_scores as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.workspace_id', '=', 'm.workspace_id')
        .whereRef('s.model_id', '=', 'm.id')
        .as('scored'),
    )
    .where('m.workspace_id', '=', workspaceId)
    .orderBy('m.created_at')
    .execute();
  return rows.map((row) => ({ ...modelOf(row), scoredContacts: Number(row.scored ?? 0) }));
}

export async function findScoreModel(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<StoredScoreModel | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db
    .selectFrom('score_models')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? modelOf(row) : undefined;
}

/**
 * Deletes a model with its scores, history and crossings. It takes the model's lock, so a
 * running backfill step finishes first and the next one finds the model gone.
 */
export async function deleteScoreModel(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  return db.transaction().execute(async (trx) => {
    await lockScoreModel(trx, id);
    const result = await trx
      .deleteFrom('score_models')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  });
}

/** Serializes the writers of one model's scores (recomputes, backfill steps, deletion). */
export async function lockScoreModel(db: Kysely<Database>, modelId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`score-model:${modelId}`}::text, 0))`.execute(
    db,
  );
}
