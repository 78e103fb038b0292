// What counts as a touch: the workspace's counting policy, the tolerance for duplicates and why a stored activity is not counted.

/** Count automated sequence emails too (all_touches, the default) or manual touches only. */
export const COUNTING_POLICIES = ['all_touches', 'manual_only'] as const;
export type CountingPolicy = (typeof COUNTING_POLICIES)[number];

/** The largest duplicate tolerance a workspace may set: a day. */
export const MAX_DUPLICATE_TOLERANCE_SECONDS = 86_400;

/** Why a stored activity is not counted, the first rule that applies winning in this order. */
export const EXCLUDED_REASONS = [
  'deleted',
  'no_contact',
  'internal_note',
  'system_event',
  'duplicate',
] as const;
export type ExcludedReason = (typeof EXCLUDED_REASONS)[number];
