/**
 * Times buildTreeView on a seeded demo workspace, and the naive reference that computes
 * the same values one node and one period at a time.
 */
import { performance } from 'node:perf_hooks';
import type { Grain } from '@treeline/core';
import {
  buildTreeView,
  type Database,
  ensureDemoWorkspace,
  evaluateMetricSeriesSettled,
  listTrees,
  loadMetricCatalog,
  type Workspace,
} from '@treeline/db';
import type { TestDatabase } from '@treeline/db/testing';
import type {
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

export interface TreeValuesResult {
  database: string;
  scale: string;
  activities: number;
  seedMs: number;
  seedRowsPerSecond: number;
  treeView: Timing;
  naive: Timing & { queries: number };
}

export async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  return { median: at(0.5), p95: at(0.95), runs };
}

export async function runTreeValuesBenchmark(
  t: TestDatabase,
  options: { scale: 'demo' | 'bench'; runs: number; log: (line: string) => void },
): Promise<TreeValuesResult> {
  const seedStart = performance.now();
  const { workspace } = await ensureDemoWorkspace(t.db, { scale: options.scale, seed: 7 });
  const seedMs = performance.now() - seedStart;
  const { count } = await t.db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspace.id)
    .executeTakeFirstOrThrow();
  const [tree] = await listTrees(t.db, workspace.id);
  if (!tree) throw new Error('the demo workspace has no tree');
  options.log(
    `seeded ${count.toLocaleString('en-US')} activities in ${(seedMs / 1000).toFixed(1)} s`,
  );

  const grain: Grain = 'month';
  const view = () => buildTreeView(t.db, workspace, tree.id, { grain, periods: 6 });
  const reference = await view();
  if (!reference) throw new Error('tree view missing');
  const naive = await naiveEvaluation(t.db, workspace, reference);
  for (const node of reference.nodes) {
    const expected = naive.values.get(node.id)!;
    node.series.forEach((point, i) => {
      const other = expected[i] ?? null;
      const same =
        point.value === null
          ? other === null
          : other !== null && Math.abs(point.value - other) < 1e-9;
      if (!same)
        throw new Error(
          `node ${node.label} period ${point.label}: ${point.value} vs reference ${other}`,
        );
    });
  }
  await time(3, view);
  const treeView = await time(options.runs, view);
  options.log(`tree view median ${treeView.median.toFixed(1)} ms`);
  const naiveTiming = await time(Math.max(3, Math.floor(options.runs / 4)), async () =>
    naiveEvaluation(t.db, workspace, reference),
  );
  options.log(`reference median ${naiveTiming.median.toFixed(1)} ms`);
  return {
    database: t.kind,
    scale: options.scale,
    activities: count,
    seedMs,
    seedRowsPerSecond: count / (seedMs / 1000),
    treeView,
    naive: { ...naiveTiming, queries: naive.queries },
  };
}

/**
 * The same numbers, the slow way: the metric engine asked for one node and one period at a
 * time, so every node × period pays its own scans (what "one query per node per period"
 * costs). Counts the SQL statements it issues. With `periodIndexes`, only those periods
 * are asked (a sample, for data sets where all of them take minutes); the other entries of
 * each series are left undefined.
 */
export async function naiveEvaluation(
  database: Kysely<Database>,
  workspace: Workspace,
  view: NonNullable<Awaited<ReturnType<typeof buildTreeView>>>,
  periodIndexes?: readonly number[],
): Promise<{ values: Map<string, Array<number | null>>; queries: number }> {
  const catalog = await loadMetricCatalog(database, workspace.id);
  const counter = new StatementCounter();
  const db = database.withPlugin(counter);
  const starts = view.nodes[0]!.series.map((p) => p.periodStart);
  const ends = [...starts.slice(1), view.period.end];
  const indexes = periodIndexes ?? starts.map((_, i) => i);
  const values = new Map<string, Array<number | null>>();
  for (const node of view.nodes) {
    const series: Array<number | null> = [];
    for (const i of indexes) {
      const [result] = await evaluateMetricSeriesSettled(db, workspace, {
        periods: [{ grain: view.period.grain, start: starts[i]!, end: ends[i]! }],
        requests: [{ metricKey: node.metricKey, filter: node.filter }],
        catalog,
      });
      series[i] = result?.ok ? (result.series.values[0] ?? null) : null;
    }
    values.set(node.id, series);
  }
  return { values, queries: counter.count };
}

/** A Kysely plugin that counts the statements sent through it. */
class StatementCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
