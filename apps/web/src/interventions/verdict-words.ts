/**
 * How a verdict reads and is coloured: verified (green), not verified (red), inconclusive
 * (amber), not computed yet (grey); and the checks' names as people say them.
 */
import type { ImpactCheck, Verdict, VerdictReason } from '@treeline/core';

export const VERDICT_LABELS: Record<Verdict, string> = {
  verified: 'Verified',
  not_verified: 'Not verified',
  inconclusive: 'Inconclusive',
};

/** What each verdict means in the impact review's groups. */
export const VERDICT_GROUPS: Record<Verdict, string> = {
  verified: 'What worked',
  not_verified: 'What did not',
  inconclusive: 'Still open',
};

export const REASON_LABELS: Record<VerdictReason, string> = {
  effect_confirmed: 'effect confirmed',
  adverse: 'moved the wrong way',
  equivalent_to_zero: 'no effect that matters',
  interval_spans_zero: 'interval includes no change',
  checks_failed: 'checks failed',
  insufficient_data: 'not enough data',
  waiting_for_data: 'waiting for data',
  no_data: 'no data',
  node_removed: 'node removed',
};

export const CHECK_LABELS: Record<ImpactCheck['name'], string> = {
  pre_trend: 'No trend before the start',
  placebo_date: 'Nothing at a false start date',
};

export const METHOD_LABELS = {
  difference_in_differences: 'Difference in differences against the comparison',
  interrupted_time_series: 'Interrupted time series (against the earlier trend)',
  count_rate_difference: 'Counts before against after',
  none: 'Not computed',
} as const;

export type VerdictTone = 'good' | 'bad' | 'open' | 'neutral';

/** @example verdictTone('verified') // 'good' */
export function verdictTone(verdict: Verdict | null | undefined): VerdictTone {
  if (verdict === 'verified') return 'good';
  if (verdict === 'not_verified') return 'bad';
  if (verdict === 'inconclusive') return 'open';
  return 'neutral';
}
