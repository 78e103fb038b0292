/**
 * Scores follow imports (docs/decisions/0043-contact-scoring.md): after an import of
 * engagement events or activities, every model of the workspace recomputes the contacts
 * with a row of that entity in the time the import's written rows cover (the event's span:
 * a superset of the contacts it touched, small for a next-day import); after an import of
 * contacts (which carry no time span), every contact. Other entities change no score.
 */
import type { RecordedDomainEvent } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';
import { type RecomputeOutcome, recomputeScores } from './recompute-scores';
import type { ScoreScope } from './score-sql';

/** The contacts an import committed by `event` may have changed the score of (null: none). */
export function scopeOfImport(event: RecordedDomainEvent<'import.committed'>): ScoreScope | null {
  const { entity, changedFrom, changedTo } = event.payload;
  if (entity === 'contacts') return { kind: 'all' };
  if (entity !== 'events' && entity !== 'activities') return null;
  if (!changedFrom || !changedTo) return null;
  return {
    kind: 'touched',
    table: entity === 'events' ? 'engagement_events' : 'activities',
    from: new Date(changedFrom),
    to: new Date(changedTo),
  };
}

/** Recomputes every model of the workspace for what the import touched. */
export async function rescoreAfterImport(
  db: Kysely<Database>,
  event: RecordedDomainEvent<'import.committed'>,
): Promise<RecomputeOutcome[]> {
  const scope = scopeOfImport(event);
  if (!scope) return [];
  const models = await db
    .selectFrom('score_models')
    .select('id')
    .where('workspace_id', '=', event.workspaceId)
    .orderBy('created_at')
    .execute();
  const outcomes: RecomputeOutcome[] = [];
  for (const model of models) {
    const outcome = await recomputeScores(db, event.workspaceId, model.id, { scope });
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}
