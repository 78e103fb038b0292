/**
 * Computes a value plan per period from its computed aggregates: ratios divide (null where
 * the divisor is 0 or missing, never Infinity or NaN), formulas go through
 * evaluateFormula, unions of distinct sets are counted after the union.
 */
import { evaluateFormula } from '../formula/evaluate-formula';
import type { AggregateResults, SplitSelector } from './aggregate-results';
import type { ValuePlan } from './plan-metric-request';

export interface SeriesValues {
  /** One value per period; null means "no data", never 0. */
  values: Array<number | null>;
  /** For ratios (and cohorts): the numerator per period, else null. */
  numerators: Array<number | null> | null;
  /** For ratios (and cohorts): the denominator per period, else null. */
  denominators: Array<number | null> | null;
}

const finite = (value: number | null): number | null =>
  value !== null && Number.isFinite(value) ? value : null;

/**
 * @example
 * evaluateValuePlan(plan.root, results, { dimension: 'team', value: 'A' }).values; // [12, 15]
 */
export function evaluateValuePlan(
  plan: ValuePlan,
  results: AggregateResults,
  split: SplitSelector,
): SeriesValues {
  switch (plan.kind) {
    case 'aggregate':
      return {
        values: results.series(plan.key, plan.mode, plan.split === null ? null : split),
        numerators: null,
        denominators: null,
      };
    case 'distinct_union': {
      const memberSets = plan.members.map((member) =>
        results.sets(member.key, member.split === null ? null : split),
      );
      const periods = memberSets[0]?.length ?? 0;
      const values: number[] = [];
      for (let period = 0; period < periods; period++) {
        const union = new Set<string>();
        for (const sets of memberSets) for (const value of sets[period]!) union.add(value);
        values.push(union.size);
      }
      return { values, numerators: null, denominators: null };
    }
    case 'ratio': {
      const numerators = evaluateValuePlan(plan.numerator, results, split).values;
      const denominators = evaluateValuePlan(plan.denominator, results, split).values;
      const values = numerators.map((numerator, period) => {
        const denominator = denominators[period] ?? null;
        if (numerator === null || denominator === null || denominator === 0) return null;
        return finite(numerator / denominator);
      });
      return { values, numerators, denominators };
    }
    case 'formula': {
      const inputs = Object.entries(plan.inputs).map(
        ([key, input]) => [key, evaluateValuePlan(input, results, split).values] as const,
      );
      const periods = results.periodCount;
      const values: Array<number | null> = [];
      for (let period = 0; period < periods; period++) {
        const scope = new Map(inputs.map(([key, series]) => [key, series[period] ?? null]));
        values.push(evaluateFormula(plan.ast, scope));
      }
      return { values, numerators: null, denominators: null };
    }
  }
}
