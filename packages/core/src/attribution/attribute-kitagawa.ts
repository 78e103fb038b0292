// Kitagawa decomposition of a blended rate's change into mix (weights) and rate effects, per segment.

import { DomainError } from '../domain-error';
import { type Attribution, preciseSum } from './attribution';

/**
 * One segment of a blended rate in one period: its size n (the weight base, e.g. contacts in
 * the segment) and its rate (e.g. the share that converted). With n = 0 the rate is ignored.
 */
export interface SegmentValue {
  n: number;
  rate: number | null;
}

/** The Kitagawa split: total and per-segment rate and mix effects. */
export interface KitagawaAttribution extends Attribution {
  method: 'kitagawa';
  /** Σ_g w̄_g (r_g1 − r_g0): the change had the mix stayed put. */
  rateEffect: number;
  /** Σ_g r̄_g (w_g1 − w_g0): the change from shifting weight between segments. */
  mixEffect: number;
  /** Each segment's rate and mix effect; `contributions` holds their sum. */
  segments: Record<string, { rate: number; mix: number }>;
}

type Segments = Readonly<Record<string, SegmentValue>>;

function totalSize(segments: Segments, period: 'before' | 'after'): number {
  const sizes: number[] = [];
  for (const [key, segment] of Object.entries(segments)) {
    if (!Number.isFinite(segment.n) || segment.n < 0) {
      throw new DomainError(
        'invalid_attribution_input',
        `segments: '${key}' has size ${segment.n} ${period}; sizes must be finite and ≥ 0`,
        { segment: key, period },
      );
    }
    if (segment.n > 0 && (segment.rate === null || !Number.isFinite(segment.rate))) {
      throw new DomainError(
        'invalid_attribution_input',
        `segments: '${key}' has ${segment.n} members ${period} but no finite rate`,
        { segment: key, period },
      );
    }
    sizes.push(segment.n);
  }
  const total = preciseSum(sizes);
  if (total <= 0) {
    throw new DomainError(
      'attribution_undefined',
      `segments: no segment has any members ${period}, so the blended rate has no value to attribute`,
      { period },
    );
  }
  return total;
}

/**
 * Splits the change of a blended rate R = Σ_g w_g · r_g (w_g = n_g / Σ n) into a rate effect
 * Σ w̄ Δr and a mix effect Σ r̄ Δw (bars: the average of both periods), total and per segment;
 * exact, because w1r1 − w0r0 = w̄Δr + r̄Δw term by term. A segment missing (or empty) in one
 * period takes its rate from the other period, so its appearance or disappearance is pure mix.
 *
 * @example
 * const r = attributeKitagawa(
 *   { inbound: { n: 400, rate: 0.1 }, outbound: { n: 600, rate: 0.05 } },
 *   { inbound: { n: 300, rate: 0.12 }, outbound: { n: 900, rate: 0.04 } },
 * );
 * r.rateEffect; // -0.00025
 * r.mixEffect; // -0.00975
 */
export function attributeKitagawa(before: Segments, after: Segments): KitagawaAttribution {
  const totalBefore = totalSize(before, 'before');
  const totalAfter = totalSize(after, 'after');
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];

  const segments: Record<string, { rate: number; mix: number }> = {};
  const contributions: Record<string, number> = {};
  const valueBefore: number[] = [];
  const valueAfter: number[] = [];
  for (const key of keys) {
    const old = Object.hasOwn(before, key) ? before[key] : undefined;
    const fresh = Object.hasOwn(after, key) ? after[key] : undefined;
    const weightBefore = old && old.n > 0 ? old.n / totalBefore : 0;
    const weightAfter = fresh && fresh.n > 0 ? fresh.n / totalAfter : 0;
    let rateBefore = weightBefore > 0 ? old!.rate! : null;
    let rateAfter = weightAfter > 0 ? fresh!.rate! : null;
    rateBefore ??= rateAfter;
    rateAfter ??= rateBefore;
    if (rateBefore === null || rateAfter === null) {
      segments[key] = { rate: 0, mix: 0 };
      contributions[key] = 0;
      continue;
    }
    const rate = ((weightBefore + weightAfter) / 2) * (rateAfter - rateBefore);
    const mix = ((rateBefore + rateAfter) / 2) * (weightAfter - weightBefore);
    segments[key] = { rate, mix };
    contributions[key] = rate + mix;
    valueBefore.push(weightBefore * rateBefore);
    valueAfter.push(weightAfter * rateAfter);
  }

  const parentBefore = preciseSum(valueBefore);
  const parentAfter = preciseSum(valueAfter);
  return {
    method: 'kitagawa',
    before: parentBefore,
    after: parentAfter,
    change: parentAfter - parentBefore,
    contributions,
    rateEffect: preciseSum(Object.values(segments).map((segment) => segment.rate)),
    mixEffect: preciseSum(Object.values(segments).map((segment) => segment.mix)),
    segments,
  };
}
