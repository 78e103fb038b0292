/**
 * The weekly series an intervention is judged on: its node's metric (with the node's filter)
 * split by the scope's dimension through the metric engine, the treated values summed into
 * one series and the comparison's into another (ratios as Σ numerators ÷ Σ denominators).
 * Only finished weeks count, and the week the start falls inside (when it is not its first
 * day) is left out, belonging to neither side.
 */
import {
  type ComparisonScope,
  type ImpactSeries,
  type PeriodView,
  startOfLocalDay,
  type TreatedScope,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { evaluateMetricRange } from '../metrics/metric-series.service';
import type { Database, Workspace } from '../schema/database';

/** Weeks of history before the start the analysis looks at. */
export const WEEKS_BEFORE = 12;
/** Weeks after the start it looks at, at most (a long-running intervention: the first ones). */
export const WEEKS_AFTER = 26;

export interface InterventionSeries {
  periods: PeriodView[];
  treated: ImpactSeries;
  comparison: ImpactSeries | null;
  /** Index of the first week on or after the start (periods.length: not started). */
  startIndex: number;
}

export interface SeriesRequest {
  metricKey: string;
  nodeFilter: Record<string, string>;
  startsOn: string;
  endsOn: string | null;
  treatedScope: TreatedScope;
  comparisonScope: ComparisonScope | null;
}

type WorkspaceClock = Pick<
  Workspace,
  'id' | 'time_zone' | 'week_start' | 'fiscal_year_start_month' | 'counting_policy'
>;

function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function localMidnight(date: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return startOfLocalDay({ year, month, day }, timeZone);
}

interface Split {
  value: string | null;
  values: (number | null)[];
  numerators: (number | null)[] | null;
  denominators: (number | null)[] | null;
}

function combine(splits: readonly Split[], length: number, ratio: boolean): ImpactSeries {
  const values: (number | null)[] = [];
  const numerators: (number | null)[] = [];
  const denominators: (number | null)[] = [];
  for (let i = 0; i < length; i += 1) {
    let num = 0;
    let den = 0;
    let sum = 0;
    let seen = false;
    for (const split of splits) {
      if (ratio) {
        const n = split.numerators?.[i];
        const d = split.denominators?.[i];
        if (n !== null && n !== undefined && d !== null && d !== undefined) {
          num += n;
          den += d;
          seen = true;
        }
      } else {
        const v = split.values[i];
        if (v !== null && v !== undefined) {
          sum += v;
          seen = true;
        }
      }
    }
    if (ratio) {
      numerators.push(seen ? num : null);
      denominators.push(seen ? den : null);
      values.push(seen && den > 0 ? num / den : null);
    } else {
      values.push(seen ? sum : null);
    }
  }
  return ratio ? { values, numerators, denominators } : { values };
}

/**
 * @example const s = await interventionSeries(db, ws, { metricKey: 'activity_per_contact', nodeFilter: { channel: 'call' }, startsOn: '2026-09-14', endsOn: null, treatedScope, comparisonScope });
 */
export async function interventionSeries(
  db: Kysely<Database>,
  workspace: WorkspaceClock,
  request: SeriesRequest,
  now = new Date(),
): Promise<InterventionSeries> {
  const startMs = localMidnight(request.startsOn, workspace.time_zone);
  const untilMs = Math.min(
    now.getTime(),
    startMs + WEEKS_AFTER * 7 * 86_400_000,
    request.endsOn ? localMidnight(shiftDate(request.endsOn, 1), workspace.time_zone) : Infinity,
  );
  const from = shiftDate(request.startsOn, -7 * (WEEKS_BEFORE + 1));
  const to = new Date(Math.max(untilMs, localMidnight(from, workspace.time_zone) + 86_400_000));
  const dimension = request.treatedScope.dimension;
  const filter = Object.fromEntries(
    Object.entries(request.nodeFilter).filter(([key]) => key !== dimension),
  );
  const range = await evaluateMetricRange(db, workspace, {
    metricKey: request.metricKey,
    from,
    to: to.toISOString(),
    grain: 'week',
    filter,
    splitBy: dimension,
    now,
  });
  // Finished weeks only; the week the start falls inside (after its first day) is neither side.
  const keep: number[] = [];
  range.periods.forEach((period, i) => {
    const s = Date.parse(period.start);
    const e = Date.parse(period.end);
    if (period.toDate || e > now.getTime()) return;
    if (s < startMs && e > startMs) return;
    keep.push(i);
  });
  const periods = keep.map((i) => range.periods[i]!);
  const ratio = range.numerators !== null && range.denominators !== null;
  const pick = (split: Split): Split => ({
    value: split.value,
    values: keep.map((i) => split.values[i] ?? null),
    numerators: split.numerators ? keep.map((i) => split.numerators![i] ?? null) : null,
    denominators: split.denominators ? keep.map((i) => split.denominators![i] ?? null) : null,
  });
  const splits = (range.splits ?? []).map(pick);
  const treatedValues = new Set(request.treatedScope.values);
  const treated = combine(
    splits.filter((s) => s.value !== null && treatedValues.has(s.value)),
    periods.length,
    ratio,
  );
  let comparison: ImpactSeries | null = null;
  if (request.comparisonScope) {
    const named = request.comparisonScope.values;
    const chosen = splits.filter((s) =>
      s.value === null ? false : named ? named.includes(s.value) : !treatedValues.has(s.value),
    );
    comparison = combine(chosen, periods.length, ratio);
  }
  const startIndex = periods.findIndex((p) => Date.parse(p.start) >= startMs);
  return {
    periods,
    treated,
    comparison,
    startIndex: startIndex === -1 ? periods.length : startIndex,
  };
}
