/**
 * Bands and the lift table (docs/product.md §7): which band a score falls in, and how each
 * band's conversion rate compares with the overall rate, with a 95% Wilson interval.
 */
import type { LiftRow, ScoreBand } from '../contract/scoring/score-model';

/**
 * The band a score is in: the last whose lowest score it reaches (below the first: the first).
 *
 * @example bandOf([{ label: 'Cold', min: 0 }, { label: 'Warm', min: 30 }], 42); // 'Warm'
 */
export function bandOf(bands: readonly ScoreBand[], score: number): string {
  let label = bands[0]?.label ?? '';
  for (const band of bands) if (score >= band.min) label = band.label;
  return label;
}

/**
 * The Wilson score interval of k successes in n trials (null when n is 0).
 *
 * @example wilsonInterval(10, 100); // { low: 0.0552, high: 0.1744 } (rounded)
 */
export function wilsonInterval(
  k: number,
  n: number,
  z = 1.959963984540054,
): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** One row of the lift table from its counts and the overall rate. */
export function liftRow(
  band: string,
  contacts: number,
  converted: number,
  overallRate: number | null,
): LiftRow {
  const rate = contacts > 0 ? converted / contacts : null;
  const ci = wilsonInterval(converted, contacts);
  return {
    band,
    contacts,
    converted,
    rate,
    low: ci?.low ?? null,
    high: ci?.high ?? null,
    lift: rate !== null && overallRate !== null && overallRate > 0 ? rate / overallRate : null,
  };
}

/**
 * The lift table's rows, one per band in the model's order (bands without contacts
 * included), from the counts per band label.
 */
export function liftTableRows(
  bands: readonly ScoreBand[],
  counts: ReadonlyMap<string, { contacts: number; converted: number }>,
): { overall: LiftRow; bands: LiftRow[] } {
  let contacts = 0;
  let converted = 0;
  for (const c of counts.values()) {
    contacts += c.contacts;
    converted += c.converted;
  }
  const overallRate = contacts > 0 ? converted / contacts : null;
  return {
    overall: liftRow('All contacts', contacts, converted, overallRate),
    bands: bands.map((b) => {
      const c = counts.get(b.label) ?? { contacts: 0, converted: 0 };
      return liftRow(b.label, c.contacts, c.converted, overallRate);
    }),
  };
}
