/**
 * The metric engine: evaluates any number of metric requests (metric + filter + optional
 * split) over any number of periods with ONE grouped SQL scan per source for all of them —
 * never one query per metric or per period (docs/product.md §4). The activities scan reads
 * the activity rollup instead of the raw rows when the rollup is current and can answer
 * (decision 0013); the values are the same.
 */
import {
  AggregateResults,
  type AggregateSpec,
  isDomainError,
  type MetricCatalog,
  type MetricPlan,
  type MetricRequest,
  type MetricSeries,
  type MetricSeriesOutcome,
  type MetricSource,
  metricSeriesOf,
  type Period,
  type PeriodBuckets,
  periodBuckets,
  planAggregateReads,
  planMetricRequest,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { activityRollupDays } from '../rollups/activity-rollup-days';
import type { Database, Workspace } from '../schema/database';
import { activityRollupCanAnswer, compileActivityRollupScan } from './compile-activity-rollup-scan';
import { type CompiledScan, compileSourceScan } from './compile-source-scan';
import { fileScanRows } from './file-scan-rows';
import { loadMetricCatalog } from './metric-catalog';

/** What the engine needs of a workspace: its id, time zone and counting policy. */
export type EvaluationWorkspace = Pick<Workspace, 'id' | 'time_zone' | 'counting_policy'>;

export interface MetricSeriesQuery {
  /** Ascending, non-overlapping periods (e.g. from core's periodsBetween). */
  periods: readonly Period[];
  requests: readonly MetricRequest[];
  /** Definitions by key; by default the built-in catalog overlaid by the workspace's metrics. */
  catalog?: MetricCatalog;
  /**
   * Read the activity rollup where it can answer (default true); false always scans the
   * raw rows. The values are the same either way.
   */
  useRollups?: boolean;
  /** Told what each source's scan read: its raw rows, or the activity rollup. */
  onScan?: (source: MetricSource, read: 'rows' | 'activity_rollup') => void;
}

/**
 * Evaluates every request over every period; throws the first request's DomainError
 * (unknown_metric, unknown_dimension, invalid_filter, metric_cycle…).
 *
 * @example
 * const [perContact, byTeam] = await evaluateMetricSeries(db, workspace, {
 *   periods: periodsBetween('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', 'month', { timeZone: 'UTC' }),
 *   requests: [
 *     { metricKey: 'activity_per_contact', filter: { channel: 'call' } },
 *     { metricKey: 'activities_total', splitBy: 'team' },
 *   ],
 * });
 * perContact.values; // [2.5, 3, null] — null: no active contacts in March
 * byTeam.splits?.map((s) => s.value); // ['A', 'B', null]
 */
export async function evaluateMetricSeries(
  db: Kysely<Database>,
  workspace: EvaluationWorkspace,
  query: MetricSeriesQuery,
): Promise<MetricSeries[]> {
  const outcomes = await evaluateMetricSeriesSettled(db, workspace, query);
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.series;
  });
}

/**
 * Like evaluateMetricSeries, but a request that cannot be evaluated gets its error while
 * the others still get values (a tree shows an error on one node, values on the rest).
 *
 * @example
 * const outcomes = await evaluateMetricSeriesSettled(db, workspace, { periods, requests });
 * outcomes[0].ok ? outcomes[0].series.values : outcomes[0].error.code;
 */
export async function evaluateMetricSeriesSettled(
  db: Kysely<Database>,
  workspace: EvaluationWorkspace,
  query: MetricSeriesQuery,
): Promise<MetricSeriesOutcome[]> {
  const buckets = periodBuckets(query.periods);
  const catalog = query.catalog ?? (await loadMetricCatalog(db, workspace.id));
  const planned = query.requests.map((request) => {
    try {
      return { ok: true as const, plan: planMetricRequest(catalog, request) };
    } catch (error) {
      if (isDomainError(error)) return { ok: false as const, request, error };
      throw error;
    }
  });
  const plans = planned.flatMap((p) => (p.ok ? [p.plan] : []));
  const results = new AggregateResults(
    buckets,
    new Map(plans.flatMap((plan) => [...plan.aggregates])),
  );
  if (query.periods.length > 0 && plans.length > 0) {
    await runScans(db, workspace, plans, buckets, results, query);
  }
  return planned.map((p) => (p.ok ? { ok: true, series: metricSeriesOf(p.plan, results) } : p));
}

/** One statement per source, all aggregates and splits of every plan in it. */
async function runScans(
  db: Kysely<Database>,
  workspace: EvaluationWorkspace,
  plans: MetricPlan[],
  buckets: PeriodBuckets,
  results: AggregateResults,
  options: Pick<MetricSeriesQuery, 'useRollups' | 'onScan'>,
): Promise<void> {
  const bySource = new Map<
    MetricSource,
    { aggregates: Map<string, AggregateSpec>; splits: Set<string> }
  >();
  const group = (source: MetricSource) => {
    let entry = bySource.get(source);
    if (!entry) {
      entry = { aggregates: new Map(), splits: new Set() };
      bySource.set(source, entry);
    }
    return entry;
  };
  const stockKeys = new Set<string>();
  for (const plan of plans) {
    for (const [key, spec] of plan.aggregates) group(spec.source).aggregates.set(key, spec);
    for (const key of plan.stockKeys) stockKeys.add(key);
    for (const { key, split } of planAggregateReads(plan.root)) {
      if (split !== null) group(plan.aggregates.get(key)!.source).splits.add(split);
    }
  }
  const context = {
    workspaceId: workspace.id,
    timeZone: workspace.time_zone,
    countingPolicy: workspace.counting_policy,
  };
  await Promise.all(
    [...bySource.entries()].map(async ([source, { aggregates, splits }]) => {
      const sortedSplits = [...splits].sort();
      const days =
        source === 'activities' &&
        options.useRollups !== false &&
        activityRollupCanAnswer(aggregates, sortedSplits, stockKeys)
          ? await activityRollupDays(db, workspace.id, context.timeZone, buckets.boundaries)
          : null;
      const scan: CompiledScan = days
        ? compileActivityRollupScan(aggregates, { splits: sortedSplits, days, context })
        : compileSourceScan(source, aggregates, {
            splits: sortedSplits,
            stockKeys,
            buckets,
            context,
          });
      const { rows } = await scan.query.execute(db);
      options.onScan?.(source, days ? 'activity_rollup' : 'rows');
      fileScanRows(results, scan, aggregates, rows);
    }),
  );
}
