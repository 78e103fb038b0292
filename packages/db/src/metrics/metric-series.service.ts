/**
 * One metric's series over a range, for the API: the range cut into periods of a grain in
 * the workspace's time zone (bounded: ten years of days is refused naming the limit), an
 * optional filter and split, values that are numbers or "no data" (never Infinity or NaN).
 */
import {
  type DimensionFilter,
  DomainError,
  type Grain,
  type MetricRangeSeries,
  type PeriodOptions,
  periodsBetween,
  startOfLocalDay,
  toEpochMs,
  toPeriodView,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../schema/database';
import { evaluateMetricSeries } from './evaluate-metric-series';
import { loadMetricCatalog } from './metric-catalog';

export interface MetricRangeQuery {
  metricKey: string;
  /** An ISO instant with an offset, or a local date (YYYY-MM-DD: its start in the workspace zone). */
  from: string;
  /** Exclusive end, same forms as `from`. */
  to: string;
  grain: Grain;
  filter?: DimensionFilter;
  splitBy?: string | null;
  /** The clock, for "to date" flags. */
  now?: Date;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An instant from an ISO string or a local date in `timeZone`. */
function instantOf(input: string, timeZone: string, name: string): string {
  const date = LOCAL_DATE.exec(input.trim());
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
      throw new DomainError('invalid_instant', `${name} '${input}' is not a calendar date`, {
        [name]: input,
      });
    }
    return new Date(startOfLocalDay({ year, month, day }, timeZone)).toISOString();
  }
  return new Date(toEpochMs(input)).toISOString();
}

function finite(values: Array<number | null>): Array<number | null>;
function finite(values: Array<number | null> | null): Array<number | null> | null;
function finite(values: Array<number | null> | null): Array<number | null> | null {
  return values?.map((value) => (value !== null && Number.isFinite(value) ? value : null)) ?? null;
}

/**
 * Throws DomainError: unknown_metric, too_many_periods (more than 1000 periods, e.g. ten
 * years of days), invalid_instant, unknown_dimension / invalid_filter (naming the dimension).
 *
 * @example
 * await evaluateMetricRange(db, workspace, { metricKey: 'activities_total', from: '2026-01-01', to: '2026-04-01', grain: 'month', splitBy: 'channel' });
 */
export async function evaluateMetricRange(
  db: Kysely<Database>,
  workspace: Pick<
    Workspace,
    'id' | 'time_zone' | 'week_start' | 'fiscal_year_start_month' | 'counting_policy'
  >,
  query: MetricRangeQuery,
): Promise<MetricRangeSeries> {
  const options: PeriodOptions = {
    timeZone: workspace.time_zone,
    weekStart: workspace.week_start,
    fiscalYearStartMonth: workspace.fiscal_year_start_month,
  };
  const catalog = await loadMetricCatalog(db, workspace.id);
  if (!catalog.has(query.metricKey)) {
    throw new DomainError('unknown_metric', `unknown metric "${query.metricKey}"`, {
      metricKey: query.metricKey,
    });
  }
  const from = instantOf(query.from, workspace.time_zone, 'from');
  const to = instantOf(query.to, workspace.time_zone, 'to');
  const periods = periodsBetween(from, to, query.grain, options);
  const [series] = await evaluateMetricSeries(db, workspace, {
    periods,
    catalog,
    requests: [
      { metricKey: query.metricKey, filter: query.filter ?? {}, splitBy: query.splitBy ?? null },
    ],
  });
  const now = query.now ?? new Date();
  return {
    metricKey: series!.metricKey,
    grain: query.grain,
    filter: series!.filter,
    splitBy: series!.splitBy,
    periods: periods.map((period) => toPeriodView(period, options, now)),
    values: finite(series!.values),
    numerators: finite(series!.numerators),
    denominators: finite(series!.denominators),
    splits:
      series!.splits?.map((split) => ({
        value: split.value,
        values: finite(split.values),
        numerators: finite(split.numerators),
        denominators: finite(split.denominators),
      })) ?? null,
  };
}
