/**
 * The tree-values benchmark at bench scale (docs/product.md §8): the demo workspace's activity
 * tree, 52 weekly periods over 5 M activities on PostgreSQL. First the activity rollup is
 * rebuilt whole (its maintenance cost); then cold (buildTreeView, no result cache, reading
 * the rollup), cold over the raw rows (the rollup not read), warm (cachedTreeView on
 * unchanged data), DuckDB computing the same aggregates from the raw rows, and the naive
 * evaluation (one engine call per node per period) on a sample of periods, extrapolated.
 */
import { performance } from 'node:perf_hooks';
import {
  buildTreeView,
  cachedTreeView,
  evaluateMetricSeries,
  listTrees,
  refreshActivityRollup,
  TreeViewCache,
  type TreeViewOptions,
} from '@treeline/db';
import { sql } from 'kysely';
import type { BenchDatabase } from './bench-database';
import { duckNodeSeries, openDuckReference } from './duckdb-reference';
import { naiveEvaluation, type Timing, time } from './tree-values.bench';

export interface ScaleResult {
  database: 'postgres';
  scale: 'bench';
  activities: number;
  contacts: number;
  reps: number;
  treeNodes: number;
  grain: 'week';
  periods: number;
  /** Seeding time of the data set, ms, including the exclusion pass (null: not recorded). */
  seedMs: number | null;
  seededThisRun: boolean;
  seededAt: string;
  /** The activity rollup rebuilt whole from the raw rows, once, this run. */
  rollup: {
    buildMs: number;
    vacuumMs: number;
    rows: number;
    activitiesPerSecond: number;
    /** Refreshing the local days of the last 7 × 24 hours, as an import of them would. */
    lastWeek: { ms: number; rows: number; activities: number };
  };
  /** buildTreeView reading the activity rollup. */
  cold: Timing;
  /** buildTreeView over the raw rows (useRollups: false). */
  coldRaw: Timing;
  warm: Timing;
  duckdb: Timing & { exportMs: number | null; nodesCompared: number };
  naive: {
    sampledPeriods: number[];
    queriesInSample: number;
    sample: Timing;
    /** sample median × periods ÷ sampled periods. */
    extrapolatedMs: number;
    queriesExtrapolated: number;
  };
}

const close = (a: number | null, b: number | null | undefined) =>
  a === null || b === null || b === undefined
    ? a === (b ?? null)
    : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export async function runTreeValuesAtScale(
  bench: BenchDatabase,
  options: { runs: number; warmRuns: number; naiveRuns: number; log: (line: string) => void },
): Promise<ScaleResult> {
  const { db, workspace, log } = { ...bench, log: options.log };
  const count = async (table: 'activities' | 'contacts' | 'reps') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('workspace_id', '=', workspace.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [activities, contacts, reps] = [
    await count('activities'),
    await count('contacts'),
    await count('reps'),
  ];
  // The rollup's maintenance cost: a whole rebuild (an import refreshes only its days).
  const buildStart = performance.now();
  const built = await refreshActivityRollup(db, workspace.id);
  const buildMs = performance.now() - buildStart;
  // A whole rebuild deletes every old row: vacuum them away, as autovacuum would.
  const vacuumStart = performance.now();
  await sql`vacuum analyze activity_rollups`.execute(db);
  const vacuumMs = performance.now() - vacuumStart;
  // What an import of the last week costs: the rollup of the local days it touched.
  const to = workspace.created_at;
  const from = new Date(to.getTime() - 7 * 86_400_000);
  const weekActivities = Number(
    (
      await db
        .selectFrom('activities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspace.id)
        .where('occurred_at', '>=', from)
        .where('occurred_at', '<', to)
        .executeTakeFirstOrThrow()
    ).n,
  );
  const weekStart = performance.now();
  const week = await refreshActivityRollup(db, workspace.id, { from, to });
  const weekMs = performance.now() - weekStart;
  const rollup = {
    buildMs,
    vacuumMs,
    rows: built.rows,
    activitiesPerSecond: activities / (buildMs / 1000),
    lastWeek: { ms: weekMs, rows: week.rows, activities: weekActivities },
  };
  log(
    `activity rollup rebuilt in ${(buildMs / 1000).toFixed(1)} s: ${built.rows.toLocaleString('en-US')} rows from ${activities.toLocaleString('en-US')} activities (${Math.round(rollup.activitiesPerSecond).toLocaleString('en-US')} activities/s); vacuum ${(vacuumMs / 1000).toFixed(1)} s; last week's days refreshed in ${weekMs.toFixed(0)} ms (${weekActivities.toLocaleString('en-US')} activities)`,
  );

  const [tree] = await listTrees(db, workspace.id);
  if (!tree) throw new Error('the bench workspace has no tree');
  // The data end when the workspace was seeded: the same 52 weeks on every run.
  const viewOptions: TreeViewOptions = { grain: 'week', periods: 52, now: workspace.created_at };
  const view = () => buildTreeView(db, workspace, tree.id, viewOptions);
  const reference = await view();
  if (!reference) throw new Error('tree view missing');
  const errors = reference.nodes.filter((n) => n.error);
  log(
    `tree "${reference.tree.name}": ${reference.nodes.length} nodes, ${reference.edges.length} edges; ${activities.toLocaleString('en-US')} activities, ${contacts.toLocaleString('en-US')} contacts, ${reps} reps; weeks ${reference.nodes[0]!.series[0]!.label} … ${reference.period.label}`,
  );
  if (errors.length > 0) {
    log(`nodes with errors: ${errors.map((n) => `${n.label} (${n.error!.code})`).join(', ')}`);
  }

  // The activity scan must have read the rollup (a stale one would silently mean raw rows).
  const reads: string[] = [];
  await evaluateMetricSeries(db, workspace, {
    periods: reference.nodes[0]!.series.map((p, i, all) => ({
      grain: 'week' as const,
      start: p.periodStart,
      end: all[i + 1]?.periodStart ?? reference.period.end,
    })),
    requests: reference.nodes.map((n) => ({ metricKey: n.metricKey, filter: n.filter })),
    onScan: (source, read) => {
      if (source === 'activities') reads.push(read);
    },
  });
  if (reads.join() !== 'activity_rollup') throw new Error(`activity scan read ${reads.join()}`);
  const rawView = () =>
    buildTreeView(db, workspace, tree.id, { ...viewOptions, useRollups: false });
  if (JSON.stringify(await rawView()) !== JSON.stringify(reference)) {
    throw new Error('the tree view over the raw rows differs from the one over the rollup');
  }

  // Cold: the engine reading the rollup, no result cache (PostgreSQL's buffer cache is warm).
  const cold = await time(options.runs, view);
  log(`cold (buildTreeView, rollup) median ${cold.median.toFixed(0)} ms over ${cold.runs} runs`);
  const coldRaw = await time(options.runs, rawView);
  log(`cold over the raw rows median ${coldRaw.median.toFixed(0)} ms over ${coldRaw.runs} runs`);

  // Warm: the result cache on unchanged data.
  const cache = new TreeViewCache();
  const first = await cachedTreeView(db, workspace, tree.id, viewOptions, cache);
  if (JSON.stringify(first) !== JSON.stringify(reference)) {
    throw new Error('cachedTreeView differs from buildTreeView');
  }
  const warm = await time(options.warmRuns, () =>
    cachedTreeView(db, workspace, tree.id, viewOptions, cache),
  );
  if (cache.misses !== 1) throw new Error(`warm runs missed the cache ${cache.misses - 1} times`);
  log(`warm (cachedTreeView) median ${warm.median.toFixed(2)} ms over ${warm.runs} runs`);

  // DuckDB over the raw rows, checked equal node by node.
  const { rows } = await sql<{
    data_version: number;
  }>`select data_version from workspaces where id = ${workspace.id}::uuid`.execute(db);
  const duck = await openDuckReference(
    bench.url,
    { ...workspace, data_version: rows[0]?.data_version ?? 0 },
    log,
  );
  let nodesCompared = 0;
  let duckdb: Timing;
  try {
    const boundaries = [
      ...reference.nodes[0]!.series.map((p) => p.periodStart),
      reference.period.end,
    ];
    const aggregates = await duck.aggregate(boundaries);
    for (const node of reference.nodes) {
      const expected = duckNodeSeries(node.metricKey, node.filter, aggregates);
      if (!expected) {
        log(`DuckDB reference does not know ${node.metricKey}; node "${node.label}" not compared`);
        continue;
      }
      node.series.forEach((point, i) => {
        if (!close(point.value, expected[i])) {
          throw new Error(
            `node ${node.label} week ${point.label}: PostgreSQL ${point.value} vs DuckDB ${expected[i]}`,
          );
        }
      });
      nodesCompared++;
    }
    log(`DuckDB equal on ${nodesCompared} of ${reference.nodes.length} nodes`);
    await time(2, () => duck.aggregate(boundaries));
    duckdb = await time(options.runs, () => duck.aggregate(boundaries));
    log(`DuckDB median ${duckdb.median.toFixed(0)} ms`);
  } finally {
    duck.close();
  }

  // Naive: every node × a sample of the periods, checked equal, extrapolated to all.
  const periods = reference.nodes[0]!.series.length;
  const sampledPeriods = [0, Math.floor(periods / 3), Math.floor((2 * periods) / 3), periods - 1];
  const naive = await naiveEvaluation(db, workspace, reference, sampledPeriods);
  for (const node of reference.nodes) {
    for (const i of sampledPeriods) {
      const expected = naive.values.get(node.id)![i] ?? null;
      if (!close(node.series[i]!.value, expected)) {
        throw new Error(
          `node ${node.label} week ${node.series[i]!.label}: ${node.series[i]!.value} vs naive ${expected}`,
        );
      }
    }
  }
  const start = performance.now();
  const sample = await time(options.naiveRuns, () =>
    naiveEvaluation(db, workspace, reference, sampledPeriods),
  );
  const extrapolatedMs = (sample.median * periods) / sampledPeriods.length;
  log(
    `naive: ${sampledPeriods.length} of ${periods} weeks median ${sample.median.toFixed(0)} ms (${naive.queries} queries) → ${(extrapolatedMs / 1000).toFixed(1)} s for all (${((performance.now() - start) / 1000).toFixed(0)} s spent)`,
  );

  return {
    database: 'postgres',
    scale: 'bench',
    activities,
    contacts,
    reps,
    treeNodes: reference.nodes.length,
    grain: 'week',
    periods,
    seedMs: bench.seedMs,
    seededThisRun: bench.seededThisRun,
    seededAt: workspace.created_at.toISOString(),
    rollup,
    cold,
    coldRaw,
    warm,
    duckdb: { ...duckdb, exportMs: duck.exportMs, nodesCompared },
    naive: {
      sampledPeriods,
      queriesInSample: naive.queries,
      sample,
      extrapolatedMs,
      queriesExtrapolated: Math.round((naive.queries * periods) / sampledPeriods.length),
    },
  };
}
