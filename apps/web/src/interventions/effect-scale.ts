/**
 * Where the effect picture puts its marks: one scale holding zero, ±MDE and the 95%
 * interval, with a little room at the ends.
 */

export interface EffectScale {
  /** The position (0–1 of the width) of a value. */
  at: (value: number) => number;
  min: number;
  max: number;
}

/** @example effectScale({ lo: 0.2, hi: 0.4, mde: 0.1 }).at(0) // ≈ 0.24 */
export function effectScale({ lo, hi, mde }: { lo: number; hi: number; mde: number }): EffectScale {
  const low = Math.min(lo, -mde, 0);
  const high = Math.max(hi, mde, 0);
  const pad = (high - low || 1) * 0.12;
  const min = low - pad;
  const max = high + pad;
  return { min, max, at: (value) => (value - min) / (max - min) };
}
