/**
 * A split series as the rows of a bar chart, a pie and a table, for one period: each
 * dimension value's value, the previous period's, its growth, and its share of the whole
 * when the parts add up to the whole. Parts add up for counts and sums, and for ratios
 * whose denominator ignores the dimension (activities per contact by channel); otherwise
 * the pie shows the numerator's shares (e.g. of the activities), or nothing.
 */
import type { MetricSeries } from '../lib/api';
import { dimensionValueLabel } from '../lib/view-controls';
import { growthPercent } from './growth-rows';

export interface SplitRow {
  /** The dimension value; null for rows without one. */
  value: string | null;
  label: string;
  amount: number | null;
  previous: number | null;
  growth: number | null;
  /** The part of the numerator, for ratios. */
  numerator: number | null;
}

/** What the pie shows: the values themselves, the numerators, or nothing that adds up. */
export type PieBasis = 'value' | 'numerator' | null;

export interface SplitTable {
  dimension: string;
  periodIndex: number;
  rows: SplitRow[];
  /** The whole (the unsplit value) of the period. */
  total: number | null;
  pieBasis: PieBasis;
  /**
   * One slice per row with a positive part, in percent of the parts' sum; `rowIndex` is the
   * row's place in `rows`, so a slice and its bar share a colour.
   */
  slices: Array<{
    label: string;
    value: string | null;
    part: number;
    share: number;
    rowIndex: number;
  }>;
}

const RELATIVE_TOLERANCE = 1e-6;

function addsUp(parts: Array<number | null>, whole: number | null): boolean {
  if (whole === null || parts.length === 0) return false;
  const present = parts.filter((part): part is number => part !== null);
  if (present.some((part) => part < 0)) return false;
  const sum = present.reduce((total, part) => total + part, 0);
  return Math.abs(sum - whole) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(whole));
}

/**
 * The split of period `periodIndex` (default: the last), largest first, "Not set" last.
 *
 * @example
 * splitTable({ splitBy: 'channel', values: [10], splits: [{ value: 'call', values: [4] }, { value: 'email', values: [6] }], … })
 * // rows: Email 6, Call 4; pieBasis: 'value'; slices: Email 60 %, Call 40 %
 */
export function splitTable(
  series: Pick<MetricSeries, 'splitBy' | 'values' | 'numerators' | 'splits' | 'periods'>,
  periodIndex: number = series.periods.length - 1,
): SplitTable {
  const dimension = series.splitBy ?? '';
  const at = (values: Array<number | null> | null, index: number) =>
    values && index >= 0 ? (values[index] ?? null) : null;
  const rows: SplitRow[] = (series.splits ?? []).map((split) => {
    const amount = at(split.values, periodIndex);
    const previous = at(split.values, periodIndex - 1);
    return {
      value: split.value,
      label: dimensionValueLabel(dimension, split.value),
      amount,
      previous,
      growth: growthPercent(amount, previous),
      numerator: at(split.numerators, periodIndex),
    };
  });
  rows.sort((a, b) => {
    if ((a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
    return (b.amount ?? Number.NEGATIVE_INFINITY) - (a.amount ?? Number.NEGATIVE_INFINITY);
  });
  const total = at(series.values, periodIndex);
  const pieBasis: PieBasis = addsUp(
    rows.map((row) => row.amount),
    total,
  )
    ? 'value'
    : series.numerators &&
        addsUp(
          rows.map((row) => row.numerator),
          at(series.numerators, periodIndex),
        )
      ? 'numerator'
      : null;
  const parts = pieBasis
    ? rows
        .map((row, rowIndex) => ({
          label: row.label,
          value: row.value,
          part: (pieBasis === 'value' ? row.amount : row.numerator) ?? 0,
          rowIndex,
        }))
        .filter((slice) => slice.part > 0)
    : [];
  const sum = parts.reduce((total, slice) => total + slice.part, 0);
  return {
    dimension,
    periodIndex,
    rows,
    total,
    pieBasis,
    slices: parts.map((slice) => ({ ...slice, share: sum > 0 ? (slice.part / sum) * 100 : 0 })),
  };
}

/**
 * The index of the latest period, not before `first`, in which some part has a value: the
 * split a page opens on (a week just begun has none yet). The latest period when none has.
 *
 * @example latestWithData({ periods: [oct, nov], splits: [{ values: [3, null] }] }) // 0
 */
export function latestWithData(
  series: Pick<MetricSeries, 'periods' | 'splits'>,
  first = 0,
): number {
  const last = series.periods.length - 1;
  for (let index = last; index >= Math.max(0, first); index--) {
    if ((series.splits ?? []).some((split) => (split.values[index] ?? null) !== null)) return index;
  }
  return last;
}
