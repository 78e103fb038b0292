/**
 * `pnpm bench`: builds data with the demo generator, times the tree-values query against
 * references measured in the same run, and writes bench/results/*.json plus a markdown
 * table (bench/results/README.md keeps one section per scale; a run replaces its own).
 *
 *   pnpm bench                      demo scale on PGlite and PostgreSQL, month grain
 *   pnpm bench --scale bench        5 M activities on PostgreSQL, 52 weeks: the activity
 *                                   rollup rebuilt (timed), cold from the rollup and from
 *                                   the raw rows, warm (result cache), DuckDB on the raw
 *                                   rows, naive (sampled)
 *   pnpm bench --scale bench --reseed   rebuild the bench database first
 *
 * The bench data set lives in its own database (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/treeline_bench), seeded once (~5 min) and reused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@treeline/db/testing';
import { openBenchDatabase } from './bench-database';
import { type EditorOpenResult, runEditorOpenBenchmark } from './editor-open.bench';
import { type IngestResult, runIngestBenchmark } from './ingest.bench';
import { runTreeValuesBenchmark, type TreeValuesResult } from './tree-values.bench';
import { runTreeValuesAtScale, type ScaleResult } from './tree-values-at-scale.bench';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    'with-pglite': { type: 'boolean', default: false },
    runs: { type: 'string' },
    reseed: { type: 'boolean', default: false },
    suite: { type: 'string', default: 'trees' },
  },
});
const suite = args.suite ?? 'trees';
const scale = args.scale === 'bench' ? 'bench' : 'demo';
const runs = Number(args.runs ?? (scale === 'bench' ? 5 : 20));
const resultsDir = new URL('../results/', import.meta.url).pathname;
mkdirSync(resultsDir, { recursive: true });

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
const machine = {
  node: process.version,
  platform: `${process.platform}/${process.arch}`,
  date: new Date().toISOString(),
};
const ms = (x: number) => x.toFixed(1);

/** Replaces (or appends) the section between `<!-- name -->` markers of the results README. */
function writeSection(name: string, lines: string[]): void {
  const file = `${resultsDir}README.md`;
  const begin = `<!-- ${name} -->`;
  const end = `<!-- /${name} -->`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  if (
    !text.includes('<!-- demo -->') &&
    text.includes('## Tree values (activity-per-contact tree, month grain)')
  ) {
    // The README of before the sections: its body is the demo section.
    const at = text.indexOf('Written by');
    text = `# Benchmarks\n\n<!-- demo -->\n${text.slice(at).trimEnd()}\n<!-- /demo -->\n`;
  }
  const section = `${begin}\n${lines.join('\n').trimEnd()}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}`
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  console.log(lines.join('\n'));
}

if (suite === 'editor') {
  // Needs the built app: pnpm build (the bench starts apps/api/dist/server.js).
  const load = loadavg()[0] ?? 0;
  const r: EditorOpenResult = await runEditorOpenBenchmark({
    runs: args.runs ? Number(args.runs) : 7,
    log: (line) => console.log(`[bench] editor: ${line}`),
  });
  writeFileSync(
    `${resultsDir}editor-bench.json`,
    `${JSON.stringify({ machine, loadAverageAtStart: load, results: [r] }, null, 2)}\n`,
  );
  const row = (c: EditorOpenResult['large'], label: string) =>
    `| ${label} | ${ms(c.median.firstPaintMs)} | ${ms(c.median.nodesReadyMs)} | ${ms(c.median.firstInteractionMs)} | ${ms(c.median.interactiveMs)} | ${ms(Math.max(...c.runs.map((x) => x.interactiveMs)))} | ${c.pan.medianMs.toFixed(1)} / ${c.pan.p95Ms.toFixed(1)} / ${c.pan.maxMs.toFixed(1)} (${c.pan.frames}) |`;
  writeSection('editor', [
    `Written by \`pnpm bench -- --suite editor\` on ${machine.date.slice(0, 10)} (${machine.node}, ${machine.platform}, Chromium ${r.chromium} headless, ${r.viewport.width}×${r.viewport.height}, 2 cores shared with other work; 1-minute load average ${load.toFixed(1)} at the start). Medians of ${r.runs} runs per tree, the two trees interleaved, after one warm-up each; milliseconds from navigation start; the reference is measured in the same run.`,
    '',
    `## Editor: a ${r.large.nodes}-node tree opens and is interactive (target ≤ ${r.targetMs} ms)`,
    '',
    '| tree | first paint (empty shell) | all node cards with values | click → detail panel | opened and interactive | worst run | pan frames: median / p95 / max (count) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row(r.reference, `reference: ${r.reference.nodes} nodes`),
    row(r.large, `${r.large.nodes} nodes`),
    '',
    `Result: ${r.large.median.interactiveMs <= r.targetMs ? 'meets' : 'misses'} the target (${ms(r.large.median.interactiveMs)} ms, ${(r.large.median.interactiveMs / r.reference.median.interactiveMs).toFixed(2)}× the ${r.reference.nodes}-node reference). The built server (\`node apps/api/dist/server.js\`, PGlite, demo workspace) serves the built web app; both trees are saved through the API (activities split by channel, team, segment and direction, summed) and values are cached by the server after the warm-up, so the times are the browser's. "All node cards with values": every card on the canvas, none waiting for values, the root showing a number. "Click → detail panel": a click on another card until the panel shows it. Pan: intervals between animation frames while the canvas is dragged.`,
  ]);
  process.exit(0);
}

const serverFlags = suite === 'ingest' ? serverNodeFlags() : [];
if (!serverFlags.every((flag) => process.execArgv.includes(flag))) {
  // Imports are measured in a process started as the server and CLI start (decision 0024).
  const child = spawnSync(
    process.execPath,
    [...serverFlags, '--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}

if (suite === 'ingest') {
  const sizes =
    scale === 'bench'
      ? { activities: 5_000_000, contacts: 500_000, reps: 300 }
      : { activities: 200_000, contacts: 20_000, reps: 60 };
  const url =
    process.env.BENCH_INGEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/treeline_ingest_bench';
  const load = loadavg()[0] ?? 0;
  const r: IngestResult = await runIngestBenchmark(url, sizes, {
    log: (line) => console.log(`[bench] ingest: ${line}`),
  });
  writeFileSync(
    `${resultsDir}ingest-${scale}.json`,
    `${JSON.stringify({ machine, loadAverageAtStart: load, results: [r] }, null, 2)}\n`,
  );
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const bare = r.bareCopy as NonNullable<IngestResult['bareCopy']>;
  const phaseList = (phases: Record<string, number>) =>
    Object.entries(phases)
      .map(([name, ms]) => `${name} ${s(ms)} s`)
      .join(', ');
  const phases = phaseList(r.activities.phases);
  writeSection(`ingest-${scale}`, [
    `Written by \`pnpm bench -- --suite ingest${scale === 'bench' ? ' --scale bench' : ''}\` on ${machine.date.slice(0, 10)} (${machine.node}, ${machine.platform}, 2 cores shared with other work; 1-minute load average ${load.toFixed(1)} at the start; Node flags: ${process.execArgv.filter((a) => a.startsWith('--max')).join(' ') || 'none'}, as the server and CLI start, decision 0024). One run; the reference is measured in the same run.`,
    '',
    `## Ingestion (${n(sizes.activities)} activities, PostgreSQL, fresh database)`,
    '',
    '| step | rows | seconds | rows/s | target |',
    '|---|---:|---:|---:|---|',
    `| reps CSV through the import path | ${n(r.reps.rows)} | ${s(r.reps.ms)} | ${n(r.reps.rowsPerSecond)} | — |`,
    `| contacts CSV through the import path | ${n(r.contacts.rows)} | ${s(r.contacts.ms)} | ${n(r.contacts.rowsPerSecond)} | — |`,
    `| reference: bare COPY of the activities CSV into an unindexed table | ${n(bare.rows)} | ${s(bare.ms)} | ${n(bare.rowsPerSecond)} | — |`,
    `| activities CSV through the whole import path (${(r.fileBytes / 1024 ** 2).toFixed(0)} MB) | ${n(r.activities.rows)} | ${s(r.activities.ms)} | ${n(r.activities.rowsPerSecond)} | ≥ 100,000/s and ≥ 25% of bare COPY: ${((100 * r.activities.rowsPerSecond) / bare.rowsPerSecond).toFixed(0)}% |`,
    `| the same file again (idempotent: ${n(r.reimport.unchanged)} unchanged) | ${n(r.reimport.rows)} | ${s(r.reimport.ms)} | ${n(r.reimport.rowsPerSecond)} | — |`,
    `| the next day: ${n(r.incremental.inserted)} new activities into the workspace holding the file | ${n(r.incremental.rows)} | ${s(r.incremental.ms)} | ${n(r.incremental.rowsPerSecond)} | — |`,
    '',
    `Whole import path: parse and map (Papa Parse, core's normalizer), COPY into an unlogged staging table, one pass resolving every staged row with parallel workers (references; the stored row, joined in key order or, for an import small beside the table, looked up by key per row; changed or not; keys repeated in the file when the workspace already holds activities, else the unique key refuses them at the write, decision 0027) with the rejected rows read off it, one UPDATE of changed rows and one INSERT of new ones, the counting rules re-marked over the time the written rows cover, the activity rollup refreshed for the days they touch, the import record and its event, in one transaction. Each timed step, the bare COPY included, starts after a checkpoint. Phases of the activities import: ${phases}; of the unchanged re-import: ${phaseList(r.reimport.phases)}; of the next day's import: ${phaseList(r.incremental.phases)}. Peak RSS of the benchmark process during it: ${n(r.activities.peakRssMb)} MB. Excluded by the counting rules: ${Object.entries(
      r.activities.excluded,
    )
      .map(([reason, count]) => `${reason} ${n(count)}`)
      .join(', ')}.`,
  ]);
  process.exit(0);
}

if (scale === 'bench') {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/treeline_bench';
  const log = (line: string) => console.log(`[bench] postgres: ${line}`);
  const loadAtStart = loadavg()[0]!;
  const bench = await openBenchDatabase(url, { reseed: args.reseed ?? false, log });
  let result: ScaleResult;
  try {
    result = await runTreeValuesAtScale(bench, { runs, warmRuns: 200, naiveRuns: 3, log });
  } finally {
    await bench.close();
  }
  writeFileSync(
    `${resultsDir}tree-values-bench.json`,
    `${JSON.stringify({ machine, results: [result] }, null, 2)}\n`,
  );
  const r = result;
  // Other work shares the two cores: the 1-minute load average, when the run began and ended.
  const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  writeSection('bench', [
    `Written by \`pnpm bench --scale bench\` on ${machine.date.slice(0, 10)} (${machine.node}, ${machine.platform}, 2 cores shared with other work, ${load}: medians). Times in milliseconds; every reference is measured in the same run.`,
    '',
    `## Tree values at bench scale (activity tree: ${r.treeNodes} nodes, ${r.periods} weekly periods, PostgreSQL)`,
    '',
    `${r.activities.toLocaleString('en-US')} activities, ${r.contacts.toLocaleString('en-US')} contacts, ${r.reps} reps, seeded ${r.seededAt.slice(0, 10)} into a database of their own and reused across runs${r.seedMs === null ? '' : `; seeding took ${(r.seedMs / 1000).toFixed(0)} s (${Math.round(r.activities / (r.seedMs / 1000)).toLocaleString('en-US')} activities/s, all entities and the exclusion pass, 2 connections${r.seededThisRun ? ', this run' : ', recorded when seeded'})`}.`,
    '',
    '| measurement | median | p95 | runs | target | vs |',
    '|---|---:|---:|---:|---|---|',
    `| cold: buildTreeView reading the activity rollup, no result cache | ${ms(r.cold.median)} | ${ms(r.cold.p95)} | ${r.cold.runs} | ≤ 2× DuckDB | ${ratio(r.cold.median, r.duckdb.median)} DuckDB |`,
    `| cold over the raw rows (useRollups: false), for comparison | ${ms(r.coldRaw.median)} | ${ms(r.coldRaw.p95)} | ${r.coldRaw.runs} | — | ${ratio(r.coldRaw.median, r.duckdb.median)} DuckDB |`,
    `| DuckDB: the same aggregates from the raw rows (in-memory tables, 2 threads) | ${ms(r.duckdb.median)} | ${ms(r.duckdb.p95)} | ${r.duckdb.runs} | reference | equal on ${r.duckdb.nodesCompared} of ${r.treeNodes} nodes |`,
    `| warm: cachedTreeView, unchanged data | ${r.warm.median.toFixed(2)} | ${r.warm.p95.toFixed(2)} | ${r.warm.runs} | ≤ 20 ms | — |`,
    `| naive: one engine call per node per period, ${r.naive.sampledPeriods.length} of ${r.periods} weeks sampled (${r.naive.queriesInSample} statements) | ${ms(r.naive.sample.median)} | ${ms(r.naive.sample.p95)} | ${r.naive.sample.runs} | — | — |`,
    `| naive, extrapolated to all ${r.periods} weeks (~${r.naive.queriesExtrapolated} statements) | ${ms(r.naive.extrapolatedMs)} | | | cold ≥ 10× faster | cold ${ratio(r.naive.extrapolatedMs, r.cold.median)} faster |`,
    `| activity rollup rebuilt whole: ${r.rollup.rows.toLocaleString('en-US')} rows from ${r.activities.toLocaleString('en-US')} activities (${Math.round(r.rollup.activitiesPerSecond).toLocaleString('en-US')} activities/s), then \`vacuum analyze\` ${ms(r.rollup.vacuumMs)} ms | ${ms(r.rollup.buildMs)} | | 1 | maintenance cost | — |`,
    `| activity rollup refreshed for the local days of the last 7 × 24 h (${r.rollup.lastWeek.activities.toLocaleString('en-US')} activities, ${r.rollup.lastWeek.rows.toLocaleString('en-US')} rows), as an import of them would | ${ms(r.rollup.lastWeek.ms)} | | 1 | maintenance cost | ${Math.round(r.rollup.lastWeek.activities / (r.rollup.lastWeek.ms / 1000)).toLocaleString('en-US')} activities/s |`,
    '',
    'The activity rollup (docs/decisions/0013-activity-rollup.md) holds the counted activities per workspace-local day, contact, rep and activity dimension; the cold tree reads it for the activity aggregates (checked: the activity scan reports reading the rollup, and the view equals the one over the raw rows), the contacts (first touch) and capacity scans read their tables as before. Naive calls the same engine, so it reads the rollup too; its statements include one look at the rollup state per call.',
    '',
    `Cold and naive values are checked equal (naive on the sampled weeks), and DuckDB's node values are computed from its aggregates and checked equal, before timing. DuckDB reads Parquet exported once from PostgreSQL (bench/data/, ${r.duckdb.exportMs === null ? 'reused' : `${(r.duckdb.exportMs / 1000).toFixed(0)} s this run`}) into in-memory tables; only its grouped queries are timed.`,
  ]);
  process.exit(0);
}

const kinds: Array<'pglite' | 'postgres'> =
  scale === 'demo' || args['with-pglite'] ? ['pglite', 'postgres'] : ['postgres'];

const results: TreeValuesResult[] = [];
for (const kind of kinds) {
  let t: TestDatabase | undefined;
  try {
    t = await createTestDatabase(kind);
    console.log(`[bench] ${kind}: seeding the ${scale} workspace…`);
    results.push(
      await runTreeValuesBenchmark(t, {
        scale,
        runs,
        log: (line) => console.log(`[bench] ${kind}: ${line}`),
      }),
    );
  } finally {
    await t?.close();
  }
}

writeFileSync(
  `${resultsDir}tree-values-${scale}.json`,
  `${JSON.stringify({ machine, results }, null, 2)}\n`,
);

const table = [
  `Written by \`pnpm bench --scale ${scale}\` on ${machine.date.slice(0, 10)} (${machine.node}, ${machine.platform}). Times in milliseconds; the reference is measured in the same run.`,
  '',
  '## Tree values (activity-per-contact tree, month grain)',
  '',
  '| database | scale | activities | seed (s) | seed rows/s | tree view median | p95 | reference: per node per period, median | speed-up |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.database} | ${r.scale} | ${r.activities.toLocaleString('en-US')} | ${(r.seedMs / 1000).toFixed(1)} | ${Math.round(r.seedRowsPerSecond).toLocaleString('en-US')} | ${ms(r.treeView.median)} | ${ms(r.treeView.p95)} | ${ms(r.naive.median)} (${r.naive.queries} queries) | ${(r.naive.median / r.treeView.median).toFixed(1)}× |`,
  ),
  '',
  'The tree view answers all nodes and periods from one grouped scan (`FILTER` columns, `width_bucket` over the period boundaries); the reference asks the same engine for one node and one period at a time (its statement count is shown). Values are checked equal before timing.',
  '',
];
writeSection('demo', table);

/** The V8 flags the API's `start` script gives Node (apps/api/package.json). */
function serverNodeFlags(): string[] {
  const manifest = JSON.parse(
    readFileSync(new URL('../../apps/api/package.json', import.meta.url), 'utf8'),
  ) as { scripts: { start: string } };
  return manifest.scripts.start.split(/\s+/).filter((word) => word.startsWith('--max-'));
}
