/**
 * How Treeline writes numbers: every value in its metric's unit, through `Intl`, and
 * "no data" for a missing value, never 0. Pure functions, so the canvas, the detail
 * panel and tests agree on every string.
 *
 * Units, as the API sends them: `percent` values are fractions (0.123 is 12.3%),
 * `duration` values are seconds, `hours` values are hours, and a change's `percent`
 * is already in percent of the previous value (12.5 is +12.5%), as the API sends it.
 */
import type { BenchmarkMotion, Grain, MetricUnit } from '@treeline/core';

/** The text shown wherever a value is missing. */
export const NO_DATA = 'no data';

const formatters = new Map<string, Intl.NumberFormat>();

/** One cached `Intl.NumberFormat` per locale and options: building them is not free. */
function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions) {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

const DURATION_UNITS = [
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
  { unit: 'second', seconds: 1 },
] as const;

/**
 * A duration in seconds as words, to the two largest units, rounded to the smaller one.
 *
 * @example formatDuration(5_400, 'en-US') // "1 hour 30 minutes"
 * @example formatDuration(273_600, 'en-US') // "3 days 4 hours"
 */
export function formatDuration(seconds: number, locale?: string): string {
  let total = Math.round(Math.abs(seconds));
  const sign = seconds < 0 && total > 0 ? '-' : '';
  const largestIndex = () => DURATION_UNITS.findIndex((u) => total >= u.seconds);
  let index = largestIndex();
  if (index === -1) {
    return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(0);
  }
  // Rounding to the smaller unit can carry into a larger one (59 min 59 s → 1 hour).
  for (let pass = 0; pass < 2; pass++) {
    const smaller = DURATION_UNITS[index + 1];
    if (smaller) total = Math.round(total / smaller.seconds) * smaller.seconds;
    index = largestIndex();
  }
  const major = DURATION_UNITS[index]!;
  const minor = DURATION_UNITS[index + 1];
  const majorCount = Math.floor(total / major.seconds);
  const parts = [
    numberFormat(locale, { style: 'unit', unit: major.unit, unitDisplay: 'long' }).format(
      majorCount,
    ),
  ];
  if (minor) {
    const minorCount = Math.round((total - majorCount * major.seconds) / minor.seconds);
    if (minorCount > 0) {
      parts.push(
        numberFormat(locale, { style: 'unit', unit: minor.unit, unitDisplay: 'long' }).format(
          minorCount,
        ),
      );
    }
  }
  return sign + parts.join(' ');
}

/**
 * A metric value in its unit: counts as grouped integers, ratios with 2 decimals,
 * percentages with one decimal, hours with an "h", durations in words.
 *
 * @example formatMetricValue(12345, 'count', 'en-US') // "12,345"
 * @example formatMetricValue(0.1234, 'percent', 'en-US') // "12.3%"
 * @example formatMetricValue(null, 'ratio') // "no data"
 */
export function formatMetricValue(
  value: number | null | undefined,
  unit: MetricUnit,
  locale?: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  switch (unit) {
    case 'count':
      return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'ratio':
      return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
        value,
      );
    case 'percent':
      return numberFormat(locale, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'hours':
      return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(value)} h`;
    case 'duration':
      return formatDuration(value, locale);
  }
}

/**
 * A signed difference in a metric's unit: what a child contributed to its parent's
 * change, or a node's absolute change. Percent metrics move in percentage points.
 *
 * @example formatSignedMetricValue(120, 'count', 'en-US') // "+120"
 * @example formatSignedMetricValue(-0.03, 'percent', 'en-US') // "-3.0 pp"
 */
export function formatSignedMetricValue(
  delta: number | null | undefined,
  unit: MetricUnit,
  locale?: string,
): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return NO_DATA;
  const signed = (options: Intl.NumberFormatOptions) =>
    numberFormat(locale, { ...options, signDisplay: 'exceptZero' }).format(delta);
  switch (unit) {
    case 'count':
      return signed({ maximumFractionDigits: 0 });
    case 'ratio':
      return signed({ minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'percent':
      return `${numberFormat(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(delta * 100)} pp`;
    case 'hours':
      return `${signed({ maximumFractionDigits: 1 })} h`;
    case 'duration': {
      const words = formatDuration(Math.abs(delta), locale);
      if (Math.round(Math.abs(delta)) === 0) return words;
      return `${delta > 0 ? '+' : '-'}${words}`;
    }
  }
}

/**
 * A relative change, given in percent of the previous value, as a signed percentage.
 *
 * @example formatPercentChange(12.34, 'en-US') // "+12.3%"
 */
export function formatPercentChange(percent: number | null | undefined, locale?: string): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return NO_DATA;
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(percent / 100);
}

/**
 * A plain quantity with no unit of its own (a numerator or a denominator): grouped,
 * at most 2 decimals.
 *
 * @example formatQuantity(1234.567, 'en-US') // "1,234.57"
 */
export function formatQuantity(value: number | null | undefined, locale?: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_DATA;
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

const GRAIN_LABELS: Record<Grain, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
};

/** @example formatGrain('month') // "Month" */
export function formatGrain(grain: Grain): string {
  return GRAIN_LABELS[grain];
}

/**
 * A node filter as readable conditions, in key order so it is stable.
 *
 * @example formatFilter({ channel: 'call', segment: 'smb' }) // "channel = call · segment = smb"
 */
export function formatFilter(filter: Record<string, string>): string {
  return Object.keys(filter)
    .sort()
    .map((key) => `${key} = ${filter[key]}`)
    .join(' · ');
}

/**
 * A benchmark motion as a choice in a list: its name and range of touches per contact.
 * @example formatMotionChoice({ name: 'Enterprise pursuit', min: 12, max: 20, openAbove: true, … })
 * // 'Enterprise pursuit (12–20+)'
 */
export function formatMotionChoice(motion: BenchmarkMotion): string {
  return `${motion.name} (${motion.min}–${motion.max}${motion.openAbove ? '+' : ''})`;
}
