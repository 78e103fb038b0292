/**
 * An intervention's verdict as the API stores and sends it: verified, not verified or
 * inconclusive, with the reason, the effect and its intervals in the target node's unit, the
 * p-value, the periods counted on each side and every check's result (docs/product.md §6).
 */
import { z } from 'zod';

export const VERDICTS = ['verified', 'not_verified', 'inconclusive'] as const;
export const VerdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof VerdictSchema>;

export const VerdictReasonSchema = z.enum([
  'effect_confirmed',
  'adverse',
  'equivalent_to_zero',
  'interval_spans_zero',
  'checks_failed',
  'insufficient_data',
  'waiting_for_data',
  'no_data',
  'node_removed',
]);
export type VerdictReason = z.infer<typeof VerdictReasonSchema>;

export const ImpactMethodSchema = z.enum([
  'difference_in_differences',
  'interrupted_time_series',
  'count_rate_difference',
  'none',
]);

export const ImpactCheckSchema = z.object({
  name: z.enum(['pre_trend', 'placebo_date']),
  passed: z.boolean(),
  pValue: z.number().nullable(),
  detail: z.string(),
});
export type ImpactCheck = z.infer<typeof ImpactCheckSchema>;

const Interval = z.tuple([z.number(), z.number()]);

export const InterventionVerdictSchema = z
  .object({
    verdict: VerdictSchema,
    reason: VerdictReasonSchema,
    method: ImpactMethodSchema,
    effect: z.number().nullable().meta({ description: "In the target node's unit, per week" }),
    ci95: Interval.nullable(),
    ci90: Interval.nullable(),
    pValue: z.number().nullable(),
    df: z.number().nullable().meta({ description: 'null for a normal (count-level) test' }),
    periodsBefore: z.number().int(),
    periodsAfter: z.number().int(),
    checks: z.array(ImpactCheckSchema),
  })
  .meta({ id: 'InterventionVerdict' });
export type InterventionVerdict = z.infer<typeof InterventionVerdictSchema>;
