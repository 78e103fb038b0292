/**
 * Backfilling a model over history (docs/decisions/0043-contact-scoring.md): the history,
 * scores and backfilled crossings are rebuilt by stepping from the workspace's first
 * contact to now (a day at a time, or a week when that is more than 180 steps), each step
 * one transaction scoring every contact as of its instant. Progress is the backfill's row;
 * a step that finds its model deleted marks the backfill cancelled and stops. Asked for
 * through the outbox (score.backfill_requested), run by the worker's subscriber.
 */
import type { ScoreBackfillView } from '@treeline/core';
import type { Kysely } from 'kysely';
import { recordDomainEvent } from '../events/domain-event.repository';
import type { Database } from '../schema/database';
import { recomputeScoresIn } from './recompute-scores';
import { lockScoreModel } from './score-model.repository';

const DAY_MS = 86_400_000;
const MAX_DAILY_STEPS = 180;

type BackfillRow = {
  id: string;
  model_id: string;
  status: ScoreBackfillView['status'];
  steps_total: number;
  steps_done: number;
  started_at: Date;
  finished_at: Date | null;
  message: string | null;
};

export const backfillView = (row: BackfillRow): ScoreBackfillView => ({
  id: row.id,
  modelId: row.model_id,
  status: row.status,
  stepsTotal: row.steps_total,
  stepsDone: row.steps_done,
  startedAt: row.started_at.toISOString(),
  finishedAt: row.finished_at?.toISOString() ?? null,
  message: row.message,
});

/** Queues a backfill: its row and its event, in one transaction. */
export async function requestScoreBackfill(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
): Promise<ScoreBackfillView> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('score_backfills')
      .values({ workspace_id: workspaceId, model_id: modelId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordDomainEvent(trx, workspaceId, {
      type: 'score.backfill_requested',
      payload: { modelId, backfillId: row.id },
    });
    return backfillView(row);
  });
}

export async function findScoreBackfill(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<ScoreBackfillView | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const row = await db
    .selectFrom('score_backfills')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? backfillView(row) : undefined;
}

/** The latest backfill of a model (null: never backfilled). */
export async function latestScoreBackfill(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
): Promise<ScoreBackfillView | null> {
  const row = await db
    .selectFrom('score_backfills')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('model_id', '=', modelId)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? backfillView(row) : null;
}

/** The instants a backfill scores at: from the first contact's day to now, now last. */
export function backfillSteps(first: Date, now: Date): Date[] {
  const start = Math.floor(first.getTime() / DAY_MS) * DAY_MS + DAY_MS;
  const days = Math.max(0, Math.ceil((now.getTime() - start) / DAY_MS));
  const stride = days > MAX_DAILY_STEPS ? 7 : 1;
  const steps: Date[] = [];
  for (let t = start; t < now.getTime(); t += stride * DAY_MS) steps.push(new Date(t));
  steps.push(now);
  return steps;
}

async function finish(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
  status: 'done' | 'cancelled' | 'failed',
  message: string | null,
) {
  await db
    .updateTable('score_backfills')
    .set({ status, message, finished_at: new Date() })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/**
 * Runs a backfill to its end (a rerun starts it again from its first step: each step
 * rewrites what it covers). `onStep` is told after each committed step (tests stop here).
 */
export async function runScoreBackfill(
  db: Kysely<Database>,
  workspaceId: string,
  backfillId: string,
  options: { now?: Date; onStep?: (done: number, total: number) => Promise<void> } = {},
): Promise<ScoreBackfillView['status']> {
  const backfill = await db
    .selectFrom('score_backfills')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', backfillId)
    .executeTakeFirst();
  if (!backfill || backfill.status === 'done' || backfill.status === 'cancelled') {
    return backfill?.status ?? 'cancelled';
  }
  const modelId = backfill.model_id;
  const gone = 'the model was deleted while it was backfilled';
  const first = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.min('created_at').as('first'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  const now = options.now ?? new Date();
  const steps = first?.first ? backfillSteps(new Date(first.first as Date), now) : [now];

  const started = await db.transaction().execute(async (trx) => {
    await lockScoreModel(trx, modelId);
    const exists = await trx
      .selectFrom('score_models')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', modelId)
      .executeTakeFirst();
    if (!exists) return false;
    for (const table of ['contact_score_history', 'contact_scores'] as const) {
      await trx
        .deleteFrom(table)
        .where('workspace_id', '=', workspaceId)
        .where('model_id', '=', modelId)
        .execute();
    }
    await trx
      .deleteFrom('score_threshold_crossings')
      .where('workspace_id', '=', workspaceId)
      .where('model_id', '=', modelId)
      .where('backfilled', '=', true)
      .execute();
    await trx
      .updateTable('score_backfills')
      .set({ status: 'running', steps_total: steps.length, steps_done: 0 })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', backfillId)
      .execute();
    return true;
  });
  if (!started) {
    await finish(db, workspaceId, backfillId, 'cancelled', gone);
    return 'cancelled';
  }
  for (const [i, asOf] of steps.entries()) {
    const outcome = await db.transaction().execute(async (trx) => {
      const done = await recomputeScoresIn(trx, workspaceId, modelId, { asOf, backfill: true });
      if (done) {
        await trx
          .updateTable('score_backfills')
          .set({ steps_done: i + 1 })
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', backfillId)
          .execute();
      }
      return done;
    });
    if (!outcome) {
      await finish(db, workspaceId, backfillId, 'cancelled', gone);
      return 'cancelled';
    }
    await options.onStep?.(i + 1, steps.length);
  }
  await finish(db, workspaceId, backfillId, 'done', null);
  return 'done';
}

/** Marks a backfill failed with the error's message (the worker's last retry). */
export async function failScoreBackfill(
  db: Kysely<Database>,
  workspaceId: string,
  backfillId: string,
  message: string,
): Promise<void> {
  await finish(db, workspaceId, backfillId, 'failed', message.slice(0, 500));
}
