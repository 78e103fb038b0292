var __assign =
  (this && this.__assign) ||
  function () {
    __assign =
      Object.assign ||
      function (t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
          s = arguments[i];
          for (var p in s) if (Object.hasOwn(s, p)) t[p] = s[p];
        }
        return t;
      };
    return __assign.apply(this, arguments);
  };
var __awaiter =
  (this && this.__awaiter) ||
  ((thisArg, _arguments, P, generator) => {
    function adopt(value) {
      return value instanceof P
        ? value
        : new P((resolve) => {
            resolve(value);
          });
    }
    return new (P || (P = Promise))((resolve, reject) => {
      function fulfilled(value) {
        try {
          step(generator.next(value));
        } catch (e) {
          reject(e);
        }
      }
      function rejected(value) {
        try {
          step(generator['throw'](value));
        } catch (e) {
          reject(e);
        }
      }
      function step(result) {
        result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
      }
      step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
  });
var __generator =
  (this && this.__generator) ||
  ((thisArg, body) => {
    var _ = {
        label: 0,
        sent: () => {
          if (t[0] & 1) throw t[1];
          return t[1];
        },
        trys: [],
        ops: [],
      },
      f,
      y,
      t,
      g = Object.create((typeof Iterator === 'function' ? Iterator : Object).prototype);
    return (
      (g.next = verb(0)),
      (g['throw'] = verb(1)),
      (g['return'] = verb(2)),
      typeof Symbol === 'function' &&
        (g[Symbol.iterator] = function () {
          return this;
        }),
      g
    );
    function verb(n) {
      return (v) => step([n, v]);
    }
    function step(op) {
      if (f) throw new TypeError('Generator is already executing.');
      while ((g && ((g = 0), op[0] && (_ = 0)), _))
        try {
          if (
            ((f = 1),
            y &&
              (t =
                op[0] & 2
                  ? y['return']
                  : op[0]
                    ? y['throw'] || ((t = y['return']) && t.call(y), 0)
                    : y.next) &&
              !(t = t.call(y, op[1])).done)
          )
            return t;
          if (((y = 0), t)) op = [op[0] & 2, t.value];
          switch (op[0]) {
            case 0:
            case 1:
              t = op;
              break;
            case 4:
              _.label++;
              return { value: op[1], done: false };
            case 5:
              _.label++;
              y = op[1];
              op = [0];
              continue;
            case 7:
              op = _.ops.pop();
              _.trys.pop();
              continue;
            default:
              if (
                !((t = _.trys), (t = t.length > 0 && t[t.length - 1])) &&
                (op[0] === 6 || op[0] === 2)
              ) {
                _ = 0;
                continue;
              }
              if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) {
                _.label = op[1];
                break;
              }
              if (op[0] === 6 && _.label < t[1]) {
                _.label = t[1];
                t = op;
                break;
              }
              if (t && _.label < t[2]) {
                _.label = t[2];
                _.ops.push(op);
                break;
              }
              if (t[2]) _.ops.pop();
              _.trys.pop();
              continue;
          }
          op = body.call(thisArg, _);
        } catch (e) {
          op = [6, e];
          y = 0;
        } finally {
          f = t = 0;
        }
      if (op[0] & 5) throw op[1];
      return { value: op[0] ? op[1] : void 0, done: true };
    }
  });
var __spreadArray =
  (this && this.__spreadArray) ||
  function (to, from, pack) {
    if (pack || arguments.length === 2)
      for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
          if (!ar) ar = Array.prototype.slice.call(from, 0, i);
          ar[i] = from[i];
        }
      }
    return to.concat(ar || Array.prototype.slice.call(from));
  };
Object.defineProperty(exports, '__esModule', { value: true });
exports.runTreeValuesBenchmark = runTreeValuesBenchmark;
/**
 * Times buildTreeView on a seeded demo workspace, and the naive reference that computes
 * the same values one node and one period at a time.
 */
var node_perf_hooks_1 = require('node:perf_hooks');
var db_1 = require('@treeline/db');
function time(runs, fn) {
  return __awaiter(this, void 0, void 0, function () {
    var samples, i, start, at;
    return __generator(this, (_a) => {
      switch (_a.label) {
        case 0:
          samples = [];
          i = 0;
          _a.label = 1;
        case 1:
          if (!(i < runs)) return [3 /*break*/, 4];
          start = node_perf_hooks_1.performance.now();
          return [4 /*yield*/, fn()];
        case 2:
          _a.sent();
          samples.push(node_perf_hooks_1.performance.now() - start);
          _a.label = 3;
        case 3:
          i++;
          return [3 /*break*/, 1];
        case 4:
          samples.sort((a, b) => a - b);
          at = (q) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)];
          return [2 /*return*/, { median: at(0.5), p95: at(0.95), runs: runs }];
      }
    });
  });
}
function runTreeValuesBenchmark(t, options) {
  return __awaiter(this, void 0, void 0, function () {
    var seedStart,
      workspace,
      seedMs,
      count,
      tree,
      grain,
      view,
      reference,
      naive,
      _loop_1,
      _i,
      _a,
      node,
      treeView,
      naiveTiming;
    return __generator(this, (_b) => {
      switch (_b.label) {
        case 0:
          seedStart = node_perf_hooks_1.performance.now();
          return [
            4 /*yield*/,
            (0, db_1.ensureDemoWorkspace)(t.db, { scale: options.scale, seed: 7 }),
          ];
        case 1:
          workspace = _b.sent().workspace;
          seedMs = node_perf_hooks_1.performance.now() - seedStart;
          return [
            4 /*yield*/,
            t.db
              .selectFrom('activities')
              .select((eb) => eb.fn.countAll().as('count'))
              .where('workspace_id', '=', workspace.id)
              .executeTakeFirstOrThrow(),
          ];
        case 2:
          count = _b.sent().count;
          return [4 /*yield*/, (0, db_1.listTrees)(t.db, workspace.id)];
        case 3:
          tree = _b.sent()[0];
          if (!tree) throw new Error('the demo workspace has no tree');
          options.log(
            'seeded '
              .concat(count.toLocaleString('en-US'), ' activities in ')
              .concat((seedMs / 1000).toFixed(1), ' s'),
          );
          grain = 'month';
          view = () =>
            (0, db_1.buildTreeView)(t.db, workspace, tree.id, { grain: grain, periods: 6 });
          return [4 /*yield*/, view()];
        case 4:
          reference = _b.sent();
          if (!reference) throw new Error('tree view missing');
          return [4 /*yield*/, naiveEvaluation(t, workspace, reference)];
        case 5:
          naive = _b.sent();
          _loop_1 = (node) => {
            var expected = naive.values.get(node.id);
            node.series.forEach((point, i) => {
              var _a;
              var other = (_a = expected[i]) !== null && _a !== void 0 ? _a : null;
              var same =
                point.value === null
                  ? other === null
                  : other !== null && Math.abs(point.value - other) < 1e-9;
              if (!same)
                throw new Error(
                  'node '
                    .concat(node.label, ' period ')
                    .concat(point.label, ': ')
                    .concat(point.value, ' vs reference ')
                    .concat(other),
                );
            });
          };
          for (_i = 0, _a = reference.nodes; _i < _a.length; _i++) {
            node = _a[_i];
            _loop_1(node);
          }
          return [4 /*yield*/, time(3, view)];
        case 6:
          _b.sent();
          return [4 /*yield*/, time(options.runs, view)];
        case 7:
          treeView = _b.sent();
          options.log('tree view median '.concat(treeView.median.toFixed(1), ' ms'));
          return [
            4 /*yield*/,
            time(Math.max(3, Math.floor(options.runs / 4)), () =>
              __awaiter(this, void 0, void 0, function () {
                return __generator(this, (_a) => [
                  2 /*return*/,
                  naiveEvaluation(t, workspace, reference),
                ]);
              }),
            ),
          ];
        case 8:
          naiveTiming = _b.sent();
          options.log('reference median '.concat(naiveTiming.median.toFixed(1), ' ms'));
          return [
            2 /*return*/,
            {
              database: t.kind,
              scale: options.scale,
              activities: count,
              seedMs: seedMs,
              seedRowsPerSecond: count / (seedMs / 1000),
              treeView: treeView,
              naive: __assign(__assign({}, naiveTiming), { queries: naive.queries }),
            },
          ];
      }
    });
  });
}
/**
 * The same numbers, the slow way: the metric engine asked for one node and one period at a
 * time, so every node × period pays its own scans (what "one query per node per period"
 * costs). Counts the SQL statements it issues.
 */
function naiveEvaluation(t, workspace, view) {
  return __awaiter(this, void 0, void 0, function () {
    var catalog, counter, db, starts, ends, values, _i, _a, node, series, i, result;
    var _b;
    return __generator(this, (_c) => {
      switch (_c.label) {
        case 0:
          return [4 /*yield*/, (0, db_1.loadMetricCatalog)(t.db, workspace.id)];
        case 1:
          catalog = _c.sent();
          counter = new StatementCounter();
          db = t.db.withPlugin(counter);
          starts = view.nodes[0].series.map((p) => p.periodStart);
          ends = __spreadArray(__spreadArray([], starts.slice(1), true), [view.period.end], false);
          values = new Map();
          (_i = 0), (_a = view.nodes);
          _c.label = 2;
        case 2:
          if (!(_i < _a.length)) return [3 /*break*/, 8];
          node = _a[_i];
          series = [];
          i = 0;
          _c.label = 3;
        case 3:
          if (!(i < starts.length)) return [3 /*break*/, 6];
          return [
            4 /*yield*/,
            (0, db_1.evaluateMetricSeriesSettled)(db, workspace, {
              periods: [{ grain: view.period.grain, start: starts[i], end: ends[i] }],
              requests: [{ metricKey: node.metricKey, filter: node.filter }],
              catalog: catalog,
            }),
          ];
        case 4:
          result = _c.sent()[0];
          series.push(
            (result === null || result === void 0 ? void 0 : result.ok)
              ? (_b = result.series.values[0]) !== null && _b !== void 0
                ? _b
                : null
              : null,
          );
          _c.label = 5;
        case 5:
          i++;
          return [3 /*break*/, 3];
        case 6:
          values.set(node.id, series);
          _c.label = 7;
        case 7:
          _i++;
          return [3 /*break*/, 2];
        case 8:
          return [2 /*return*/, { values: values, queries: counter.count }];
      }
    });
  });
}
/** A Kysely plugin that counts the statements sent through it. */
var StatementCounter = /** @class */ (() => {
  function StatementCounter() {
    this.count = 0;
  }
  StatementCounter.prototype.transformQuery = function (args) {
    this.count++;
    return args.node;
  };
  StatementCounter.prototype.transformResult = function (args) {
    return __awaiter(this, void 0, void 0, function () {
      return __generator(this, (_a) => [2 /*return*/, args.result]);
    });
  };
  return StatementCounter;
})();
