/**
 * periodBuckets moved to core (metrics/period-buckets.ts); this re-export keeps ingest's
 * data-health reader compiling until it imports it from @treeline/core.
 */
export { type PeriodBuckets, periodBuckets } from '@treeline/core';
