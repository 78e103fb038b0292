/**
 * `pnpm bench`: builds data with the demo generator, times the tree-values query on PGlite
 * and PostgreSQL against a reference measured in the same run (one SQL query per node per
 * period, the naive evaluation), and writes bench/results/*.json plus a markdown table.
 *
 *   pnpm bench                      demo scale on PGlite and PostgreSQL
 *   pnpm bench --scale bench        5 M activities on PostgreSQL (PGlite only with --with-pglite)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@treeline/db/testing';
import { runTreeValuesBenchmark, type TreeValuesResult } from './tree-values.bench';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    'with-pglite': { type: 'boolean', default: false },
    runs: { type: 'string', default: '20' },
  },
});
const scale = args.scale === 'bench' ? 'bench' : 'demo';
const runs = Number(args.runs);
const resultsDir = new URL('../results/', import.meta.url).pathname;
mkdirSync(resultsDir, { recursive: true });

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
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

const machine = {
  node: process.version,
  platform: `${process.platform}/${process.arch}`,
  date: new Date().toISOString(),
};
writeFileSync(
  `${resultsDir}tree-values-${scale}.json`,
  `${JSON.stringify({ machine, results }, null, 2)}\n`,
);

const ms = (x: number) => x.toFixed(1);
const table = [
  `# Benchmarks`,
  '',
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
writeFileSync(`${resultsDir}README.md`, `${table.join('\n')}\n`);
console.log(table.join('\n'));
