
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
var _a;
var _b;
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * `pnpm bench`: builds data with the demo generator, times the tree-values query on PGlite
 * and PostgreSQL against a reference measured in the same run (one SQL query per node per
 * period, the naive evaluation), and writes bench/results/*.json plus a markdown table.
 *
 *   pnpm bench                      demo scale on PGlite and PostgreSQL
 *   pnpm bench --scale bench        5 M activities on PostgreSQL (PGlite only with --with-pglite)
 */
var node_fs_1 = require("node:fs");
var node_util_1 = require("node:util");
var testing_1 = require("@treeline/db/testing");
var tree_values_bench_1 = require("./tree-values.bench");
var args = (0, node_util_1.parseArgs)({
    options: {
        scale: { type: 'string', default: 'demo' },
        'with-pglite': { type: 'boolean', default: false },
        runs: { type: 'string', default: '20' },
    },
}).values;
var scale = args.scale === 'bench' ? 'bench' : 'demo';
var runs = Number(args.runs);
var resultsDir = new URL('../results/', import.meta.url).pathname;
(0, node_fs_1.mkdirSync)(resultsDir, { recursive: true });
(_a = (_b = process.env).TEST_DATABASE_URL) !== null && _a !== void 0 ? _a : (_b.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres');
var kinds = scale === 'demo' || args['with-pglite'] ? ['pglite', 'postgres'] : ['postgres'];
var results = [];
var _loop_1 = (kind) => {
    var t = void 0;
    try {
        t = await (0, testing_1.createTestDatabase)(kind);
        console.log("[bench] ".concat(kind, ": seeding the ").concat(scale, " workspace\u2026"));
        results.push(await (0, tree_values_bench_1.runTreeValuesBenchmark)(t, {
            scale: scale,
            runs: runs,
            log: (line) => console.log("[bench] ".concat(kind, ": ").concat(line)),
        }));
    }
    finally {
        await (t === null || t === void 0 ? void 0 : t.close());
    }
};
for (var _i = 0, kinds_1 = kinds; _i < kinds_1.length; _i++) {
    var kind = kinds_1[_i];
    _loop_1(kind);
}
var machine = {
    node: process.version,
    platform: "".concat(process.platform, "/").concat(process.arch),
    date: new Date().toISOString(),
};
(0, node_fs_1.writeFileSync)("".concat(resultsDir, "tree-values-").concat(scale, ".json"), "".concat(JSON.stringify({ machine: machine, results: results }, null, 2), "\n"));
var ms = (x) => x.toFixed(1);
var table = __spreadArray(__spreadArray([
    "# Benchmarks",
    '',
    "Written by `pnpm bench --scale ".concat(scale, "` on ").concat(machine.date.slice(0, 10), " (").concat(machine.node, ", ").concat(machine.platform, "). Times in milliseconds; the reference is measured in the same run."),
    '',
    '## Tree values (activity-per-contact tree, month grain)',
    '',
    '| database | scale | activities | seed (s) | seed rows/s | tree view median | p95 | reference: per node per period, median | speed-up |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|'
], results.map((r) => "| ".concat(r.database, " | ").concat(r.scale, " | ").concat(r.activities.toLocaleString('en-US'), " | ").concat((r.seedMs / 1000).toFixed(1), " | ").concat(Math.round(r.seedRowsPerSecond).toLocaleString('en-US'), " | ").concat(ms(r.treeView.median), " | ").concat(ms(r.treeView.p95), " | ").concat(ms(r.naive.median), " (").concat(r.naive.queries, " queries) | ").concat((r.naive.median / r.treeView.median).toFixed(1), "\u00D7 |")), true), [
    '',
    'The tree view answers all nodes and periods from one grouped scan (`FILTER` columns, `width_bucket` over the period boundaries); the reference asks the same engine for one node and one period at a time (its statement count is shown). Values are checked equal before timing.',
    '',
], false);
(0, node_fs_1.writeFileSync)("".concat(resultsDir, "README.md"), "".concat(table.join('\n'), "\n"));
console.log(table.join('\n'));
