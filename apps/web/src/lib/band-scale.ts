/**
 * Where a band and a value sit on a small horizontal bar: positions as fractions of the
 * bar, with a little room either side so a value just outside the band is still visible.
 */
import type { NodeBandView } from '@treeline/core';

export interface BandScale {
  /** Start and end of the band on the bar (0–1); an open end runs to the bar's edge. */
  from: number;
  to: number;
  /** The value's marker (0–1), or null for "no data". */
  marker: number | null;
}

/**
 * @example bandScale({ min: 8, max: 14, value: 11, … }) // { from: 0.17, to: 0.83, marker: 0.5 }
 */
export function bandScale(band: Pick<NodeBandView, 'min' | 'max' | 'value'>): BandScale | null {
  const ends = [band.min, band.max, band.value].filter((v): v is number => v !== null);
  if (band.min === null && band.max === null) return null;
  let lo = Math.min(...ends);
  let hi = Math.max(...ends);
  if (hi === lo) {
    lo -= Math.abs(lo) * 0.5 || 1;
    hi += Math.abs(hi) * 0.5 || 1;
  }
  const pad = (hi - lo) * 0.25;
  lo -= pad;
  hi += pad;
  const at = (v: number) => Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
  return {
    from: band.min === null ? 0 : at(band.min),
    to: band.max === null ? 1 : at(band.max),
    marker: band.value === null ? null : at(band.value),
  };
}
