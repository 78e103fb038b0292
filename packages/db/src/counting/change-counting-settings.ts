/**
 * Changes what counts in a workspace, in one transaction: the counting policy (automated
 * sequence emails counted or not, applied when metrics are read) and the duplicate
 * tolerance (every activity is re-marked). Either change bumps the data version (cached
 * values are stale), brings the activity rollup to it and records `counting.changed`, so
 * open editors refetch and the worker's subscribers recompute. A request that changes
 * nothing writes nothing.
 */
import { DomainError, type DomainEventOf, MAX_DUPLICATE_TOLERANCE_SECONDS } from '@treeline/core';
import type { Kysely } from 'kysely';
import { recordDomainEvent } from '../events/domain-event.repository';
import { refreshActivityRollup } from '../rollups/refresh-activity-rollup';
import type { CountingPolicy, Database, Workspace } from '../schema/database';
import { bumpDataVersion, updateWorkspaceCounting } from '../workspaces/workspace.repository';
import { markActivityExclusions } from './mark-activity-exclusions';

export interface CountingSettingsChange {
  countingPolicy?: CountingPolicy;
  duplicateToleranceSeconds?: number;
}

/**
 * @example
 * const workspace = await changeCountingSettings(db, workspaceId, { duplicateToleranceSeconds: 300 });
 * workspace.data_version; // one more than before
 */
export async function changeCountingSettings(
  db: Kysely<Database>,
  workspaceId: string,
  change: CountingSettingsChange,
): Promise<Workspace> {
  checkChange(change);
  return db.transaction().execute(async (trx) => {
    // Locked: two changes at once each compare against what the other wrote.
    const before = await trx
      .selectFrom('workspaces')
      .selectAll()
      .where('id', '=', workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new DomainError('not_found', `No workspace ${workspaceId}.`);
    const changes: DomainEventOf<'counting.changed'>['payload']['changes'] = {};
    if (change.countingPolicy !== undefined && change.countingPolicy !== before.counting_policy) {
      changes.countingPolicy = { from: before.counting_policy, to: change.countingPolicy };
    }
    if (
      change.duplicateToleranceSeconds !== undefined &&
      change.duplicateToleranceSeconds !== before.duplicate_tolerance_seconds
    ) {
      changes.duplicateToleranceSeconds = {
        from: before.duplicate_tolerance_seconds,
        to: change.duplicateToleranceSeconds,
      };
    }
    if (!changes.countingPolicy && !changes.duplicateToleranceSeconds) return before;

    const updated = await updateWorkspaceCounting(trx, workspaceId, change);
    if (changes.duplicateToleranceSeconds) await markActivityExclusions(trx, workspaceId);
    const dataVersion = await bumpDataVersion(trx, workspaceId);
    // New duplicate marks change the counted activities of any day; a policy change only
    // needs the rollup to know the new data version.
    const now = new Date();
    await refreshActivityRollup(
      trx,
      workspaceId,
      changes.duplicateToleranceSeconds ? undefined : { from: now, to: now },
    );
    await recordDomainEvent(trx, workspaceId, {
      type: 'counting.changed',
      payload: { dataVersion, changes },
    });
    return { ...updated, data_version: dataVersion };
  });
}

function checkChange(change: CountingSettingsChange): void {
  const policy = change.countingPolicy;
  if (policy !== undefined && policy !== 'all_touches' && policy !== 'manual_only') {
    throw new DomainError(
      'invalid_counting_settings',
      `countingPolicy must be all_touches or manual_only (got ${String(policy)}).`,
    );
  }
  const tolerance = change.duplicateToleranceSeconds;
  if (
    tolerance !== undefined &&
    (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > MAX_DUPLICATE_TOLERANCE_SECONDS)
  ) {
    throw new DomainError(
      'invalid_counting_settings',
      `duplicateToleranceSeconds must be a whole number of seconds from 0 to ${MAX_DUPLICATE_TOLERANCE_SECONDS} (got ${tolerance}).`,
    );
  }
}
