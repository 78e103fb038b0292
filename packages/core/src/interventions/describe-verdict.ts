// One plain sentence a revenue leader understands, for each verdict (docs/product.md §6).

import type { InterventionVerdict } from '../contract/interventions/intervention-verdict';

export interface DescribeVerdictContext {
  /** The target node's name, e.g. "Calls per contact". */
  nodeName: string;
  /** The treated scope as people read it, e.g. "Team A". */
  treatedName: string;
  /** The comparison scope as people read it, e.g. "the other teams"; absent without one. */
  comparisonName?: string | null;
  /** The start date as people read it, e.g. "14 Sep". */
  startLabel: string;
  mde: number;
  /** How to write a number in the node's unit; default two decimals (one from 10 on). */
  format?: (value: number) => string;
}

function defaultFormat(value: number): string {
  return Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/**
 * @example
 * describeVerdict(verdict, { nodeName: 'Calls per contact', treatedName: 'Team A',
 *   comparisonName: 'the other teams', startLabel: '14 Sep', mde: 0.1 });
 * // "Calls per contact for Team A rose by 0.31 a week (95% CI 0.22 to 0.40) against the other
 * //  teams; the rise was not there before 14 Sep."
 */
export function describeVerdict(
  verdict: InterventionVerdict,
  context: DescribeVerdictContext,
): string {
  const f = context.format ?? defaultFormat;
  const subject = `${context.nodeName} for ${context.treatedName}`;
  switch (verdict.reason) {
    case 'no_data':
      return `There is no data for ${context.treatedName} on ${context.nodeName}, so nothing can be checked yet.`;
    case 'waiting_for_data':
      return `Waiting for data: the intervention starts ${context.startLabel}.`;
    case 'node_removed':
      return 'The target node was removed from its tree; the intervention keeps its history but is no longer checked.';
    case 'insufficient_data':
      return `Not enough data yet: ${verdict.periodsBefore} weeks before ${context.startLabel} and ${verdict.periodsAfter} after; the check needs at least 6 before and 4 after.`;
    default:
      break;
  }
  const effect = verdict.effect ?? 0;
  const [lo, hi] = verdict.ci95 ?? [effect, effect];
  const interval = `(95% CI ${f(lo)} to ${f(hi)})`;
  const verb = effect >= 0 ? 'rose' : 'fell';
  const noun = effect >= 0 ? 'rise' : 'fall';
  const against = context.comparisonName
    ? ` against ${context.comparisonName}`
    : ' beyond its earlier trend';
  const moved = `${subject} ${verb} by ${f(Math.abs(effect))} a week ${interval}${against}`;
  switch (verdict.reason) {
    case 'effect_confirmed':
      return `${moved}; the ${noun} was not there before ${context.startLabel}.`;
    case 'adverse':
      return `${moved}: the opposite of what was intended since ${context.startLabel}.`;
    case 'equivalent_to_zero':
      return `${subject} did not move by the ${f(context.mde)} that would matter since ${context.startLabel}: the change was ${f(effect)} a week ${interval}.`;
    case 'checks_failed': {
      const failed = verdict.checks.find((check) => !check.passed);
      return `${moved}, but ${failed?.detail ?? 'a check failed'}, so it cannot be credited to the intervention yet.`;
    }
    default:
      return `${moved}, but the interval still includes no change; more weeks will tell.`;
  }
}
