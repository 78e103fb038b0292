/**
 * Contact scoring's durable subscribers (docs/decisions/0043-contact-scoring.md): scores
 * follow committed imports (only the contacts the import touched), and backfills asked for
 * through the outbox run here, their progress in their row. Both are idempotent: a rerun
 * recomputes the same scores (crossings and their messages are written once) or restarts
 * the backfill from its first step.
 */
import { failScoreBackfill, rescoreAfterImport, runScoreBackfill } from '@treeline/db';
import { defineSubscriber } from './subscriber';

export const scoresAfterImport = defineSubscriber({
  name: 'contact-scores',
  on: ['import.committed'],
  handle: async (event, { db }) => {
    await rescoreAfterImport(db, event);
  },
});

const BACKFILL_RETRIES = 2;

export const scoreBackfills = defineSubscriber({
  name: 'contact-score-backfill',
  on: ['score.backfill_requested'],
  retryLimit: BACKFILL_RETRIES,
  expireInSeconds: 60 * 60,
  handle: async (event, { db, retryCount }) => {
    const { backfillId } = event.payload;
    try {
      await runScoreBackfill(db, event.workspaceId, backfillId);
    } catch (error) {
      if (retryCount >= BACKFILL_RETRIES) {
        await failScoreBackfill(db, event.workspaceId, backfillId, String(error));
      }
      throw error;
    }
  },
});
