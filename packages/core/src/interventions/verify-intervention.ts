// The verdict on one intervention from its weekly series (docs/product.md §6): data gates,
// then difference-in-differences against the comparison scope with its checks, or without one
// an interrupted time series (so a trend already under way is never an effect), or for count
// outcomes a test on the counts; then the verdict rule.

import type {
  ImpactCheck,
  InterventionVerdict,
  VerdictReason,
} from '../contract/interventions/intervention-verdict';
import { type CountKind, type CountTotals, countRateChange } from './count-test';
import { differenceInDifferences, placeboCheck, preTrendCheck } from './difference-in-differences';
import type { Estimate } from './estimate';
import { interruptedTimeSeries } from './interrupted-time-series';
import { type ExpectedDirection, verdictRule } from './verdict-rule';

/** The data gates: fewer periods than these on either side is "inconclusive: not enough data". */
export const MIN_PERIODS_BEFORE = 6;
export const MIN_PERIODS_AFTER = 4;

/** One scope's weekly series; null is "no data" for that week. */
export interface ImpactSeries {
  values: readonly (number | null)[];
  /** For count outcomes: the events and the exposure of each week. */
  numerators?: readonly (number | null)[] | null;
  denominators?: readonly (number | null)[] | null;
}

export interface VerifyInterventionInput {
  /** Index of the first period on or after the start; at or past the end: not started yet. */
  startIndex: number;
  /** Exclusive index where the after window ends (the intervention's end); default: all. */
  endIndex?: number;
  treated: ImpactSeries;
  comparison?: ImpactSeries | null;
  direction: ExpectedDirection;
  mde: number;
  /** 'mean' tests the weekly values; 'rate' / 'proportion' test the summed counts. */
  outcome?: 'mean' | CountKind;
}

function unanalysed(
  reason: VerdictReason,
  periodsBefore: number,
  periodsAfter: number,
): InterventionVerdict {
  return {
    verdict: 'inconclusive',
    reason,
    method: 'none',
    effect: null,
    ci95: null,
    ci90: null,
    pValue: null,
    df: null,
    periodsBefore,
    periodsAfter,
    checks: [],
  };
}

function present(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

function totals(series: ImpactSeries, indices: readonly number[]): CountTotals {
  let events = 0;
  let exposure = 0;
  for (const i of indices) {
    events += series.numerators?.[i] ?? 0;
    exposure += series.denominators?.[i] ?? 0;
  }
  return { events, exposure };
}

function itsPlacebo(values: readonly number[], times: readonly number[]): ImpactCheck {
  const mid = times[Math.floor(times.length / 2)]!;
  const fit = interruptedTimeSeries(values, mid, times);
  const passed = fit.effect.p >= 0.05;
  return {
    name: 'placebo_date',
    passed,
    pValue: fit.effect.p,
    detail: passed
      ? 'a false start date half-way through the before periods finds nothing beyond the trend'
      : 'a false start date half-way through the before periods already finds a change',
  };
}

/**
 * @example
 * verifyIntervention({ startIndex: 6, treated: { values: [2, 2.1, 1.9, 2, 2.2, 1.8, 2.4, 2.5, 2.3, 2.6] },
 *   comparison: { values: [1.5, 1.6, 1.4, 1.5, 1.6, 1.4, 1.6, 1.7, 1.5, 1.6] }, direction: 'up', mde: 0.1 }).verdict;
 * // 'verified'
 */
export function verifyIntervention(input: VerifyInterventionInput): InterventionVerdict {
  const { treated, comparison } = input;
  const length = treated.values.length;
  if (!treated.values.some(present)) return unanalysed('no_data', 0, 0);
  if (input.startIndex >= length) {
    return unanalysed('waiting_for_data', treated.values.filter(present).length, 0);
  }
  const end = Math.min(input.endIndex ?? length, length);
  const usable: number[] = [];
  for (let i = 0; i < end; i += 1) {
    if (present(treated.values[i]) && (!comparison || present(comparison.values[i])))
      usable.push(i);
  }
  const before = usable.filter((i) => i < input.startIndex);
  const after = usable.filter((i) => i >= input.startIndex);
  if (before.length < MIN_PERIODS_BEFORE || after.length < MIN_PERIODS_AFTER) {
    return unanalysed('insufficient_data', before.length, after.length);
  }
  const t = (i: number) => treated.values[i]!;
  const c = (i: number) => comparison!.values[i]!;
  const outcome = input.outcome ?? 'mean';
  const counted = outcome !== 'mean' && treated.numerators && treated.denominators;
  let method: InterventionVerdict['method'];
  let estimate: Estimate;
  let checks: ImpactCheck[];
  if (comparison) {
    const diffBefore = before.map((i) => t(i) - c(i));
    checks = [preTrendCheck(diffBefore), placeboCheck(diffBefore)];
    if (counted) {
      method = 'count_rate_difference';
      estimate = countRateChange(
        outcome,
        { before: totals(treated, before), after: totals(treated, after) },
        { before: totals(comparison, before), after: totals(comparison, after) },
      );
    } else {
      method = 'difference_in_differences';
      estimate = differenceInDifferences(before.map(t), before.map(c), after.map(t), after.map(c));
    }
  } else {
    checks = [itsPlacebo(before.map(t), before)];
    if (counted) {
      // Counts without a comparison: the count test, and a before trend fails the checks.
      method = 'count_rate_difference';
      estimate = countRateChange(outcome, {
        before: totals(treated, before),
        after: totals(treated, after),
      });
      checks.unshift(preTrendCheck(before.map(t)));
    } else {
      method = 'interrupted_time_series';
      estimate = interruptedTimeSeries(usable.map(t), input.startIndex, usable).effect;
    }
  }
  const rule = verdictRule({
    ci95: estimate.ci95,
    ci90: estimate.ci90,
    mde: input.mde,
    direction: input.direction,
    checksPassed: checks.every((check) => check.passed),
  });
  return {
    ...rule,
    method,
    effect: estimate.estimate,
    ci95: estimate.ci95,
    ci90: estimate.ci90,
    pValue: estimate.p,
    df: Number.isFinite(estimate.df) ? estimate.df : null,
    periodsBefore: before.length,
    periodsAfter: after.length,
    checks,
  };
}
