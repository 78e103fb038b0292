/**
 * The static migration index. Names sort by time; add new ones with
 * `pnpm --filter @treeline/db migration:new <name>` and register them here.
 */
import type { Migration } from 'kysely/migration';
import * as crmAndTrees from './2026-11-23T0000-crm-and-trees';
import * as treeRevisions from './2026-11-23T0100-tree-revisions';
import * as dataVersion from './2026-11-23T0200-data-version';
import * as activityRollups from './2026-11-23T0300-activity-rollups';
import * as imports from './2026-11-23T0400-imports';
import * as activityReferences from './2026-11-23T0500-activities-references-checked-by-imports';
import * as importEventKeys from './2026-11-23T0600-import-events-keyed-by-workspace';
import * as bytewiseIds from './2026-11-23T0700-external-ids-compare-bytewise';
import * as activityIndexes from './2026-11-23T0800-activity-indexes-for-bulk-writes';
import * as activityKeys from './2026-11-23T0900-activity-keys-for-bulk-writes';
import * as unloggedRollups from './2026-11-23T1000-activity-rollups-unlogged';
import * as activitiesByExternalId from './2026-11-23T1100-activities-keyed-by-external-id';
import * as activityIdsCached from './2026-11-23T1200-activity-ids-cached';
import * as activityRollupDayIndex from './2026-11-24T0100-activity-rollup-day-index';
import * as domainEventsOutbox from './2026-11-25T0000-domain-events-outbox';
import * as accounts from './2026-12-07T1000-accounts';
import * as alertsAndDelivery from './2026-12-07T1400-alerts-and-delivery';
import * as notificationPreferences from './2026-12-07T1500-notification-preferences';
import * as interventions from './2026-12-07T1600-interventions';
import * as contactScoring from './2026-12-07T1800-contact-scoring';

export const migrations: Record<string, Migration> = {
  '2026-11-23T0000-crm-and-trees': crmAndTrees,
  '2026-11-23T0100-tree-revisions': treeRevisions,
  '2026-11-23T0200-data-version': dataVersion,
  '2026-11-23T0300-activity-rollups': activityRollups,
  '2026-11-23T0400-imports': imports,
  '2026-11-23T0500-activities-references-checked-by-imports': activityReferences,
  '2026-11-23T0600-import-events-keyed-by-workspace': importEventKeys,
  '2026-11-23T0700-external-ids-compare-bytewise': bytewiseIds,
  '2026-11-23T0800-activity-indexes-for-bulk-writes': activityIndexes,
  '2026-11-23T0900-activity-keys-for-bulk-writes': activityKeys,
  '2026-11-23T1000-activity-rollups-unlogged': unloggedRollups,
  '2026-11-23T1100-activities-keyed-by-external-id': activitiesByExternalId,
  '2026-11-23T1200-activity-ids-cached': activityIdsCached,
  '2026-11-24T0100-activity-rollup-day-index': activityRollupDayIndex,
  '2026-11-25T0000-domain-events-outbox': domainEventsOutbox,
  '2026-12-07T1000-accounts': accounts,
  '2026-12-07T1400-alerts-and-delivery': alertsAndDelivery,
  '2026-12-07T1500-notification-preferences': notificationPreferences,
  '2026-12-07T1600-interventions': interventions,
  '2026-12-07T1800-contact-scoring': contactScoring,
};

/** The name of the newest migration this build knows: the schema level it expects. */
export const latestMigration = Object.keys(migrations).sort().at(-1) as string;
