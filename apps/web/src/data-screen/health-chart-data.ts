/**
 * The data-health chart's rows: one per period, the counted activities and each exclusion
 * reason side by side, so a stacked bar shows how much of what was stored counts as a touch.
 */
import type { DataHealth } from './data-api';
import { EXCLUDED_REASON_ORDER } from './data-format';

export interface HealthChartRow {
  label: string;
  toDate: boolean;
  counted: number;
  [reason: string]: number | string | boolean;
}

/**
 * The rows, and the exclusion reasons that occur at least once (in stacking order).
 *
 * @example
 * healthChartData(health).reasons; // ['duplicate', 'internal_note']
 */
export function healthChartData(periods: DataHealth['periods']): {
  rows: HealthChartRow[];
  reasons: string[];
} {
  const seen = new Set<string>();
  for (const period of periods) {
    for (const [reason, n] of Object.entries(period.excluded)) if (n > 0) seen.add(reason);
  }
  const known: readonly string[] = EXCLUDED_REASON_ORDER;
  const reasons = [
    ...known.filter((reason) => seen.has(reason)),
    ...[...seen].filter((reason) => !known.includes(reason)).sort(),
  ];
  const rows = periods.map((entry): HealthChartRow => {
    const row: HealthChartRow = {
      label: entry.period.label,
      toDate: entry.period.toDate,
      counted: entry.counted,
    };
    for (const reason of reasons) row[reason] = entry.excluded[reason] ?? 0;
    return row;
  });
  return { rows, reasons };
}

/** True when no period holds a single stored activity. */
export function isHealthEmpty(periods: DataHealth['periods']): boolean {
  return periods.every(
    (entry) => entry.counted === 0 && Object.values(entry.excluded).every((n) => n === 0),
  );
}
