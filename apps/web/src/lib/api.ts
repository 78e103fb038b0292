/**
 * The web app's one API client. Calls go to the same origin (`/api/...`) through the typed
 * Hono client of `@treeline/client`, so a path, parameter or response shape that drifts
 * from the API fails the typecheck, not the user: every answer is typed by its route, whose
 * schemas are the contract's (packages/core/src/contract/), and the names below are the
 * contract's types. Failures arrive as RFC 9457 problem details and are thrown as
 * `ApiProblem` (read by the client's `readProblem`), so every screen can show the title,
 * the detail and a way to retry.
 */
import {
  ApiProblem,
  createTreelineClient,
  expectOk,
  type OkBody,
  okJson,
  type Problem,
  type TreelineClient,
  toProblem,
} from '@treeline/client';
import {
  type CompareMode,
  type CreateMetricBody,
  type CreateTreeBody,
  type DimensionValues,
  type Grain,
  type Health,
  type MetricEntry,
  type MetricRangeSeries,
  type TreeConflict,
  TreeConflictSchema,
  type TreeDraft,
  type TreeIssue,
  TreeIssueSchema,
  type TreeRecord,
  type TreeSummary,
  type TreeTemplate,
  type TreeView,
  type UpdateMetricBody,
  type Workspace,
} from '@treeline/core';
import { withWorkspace } from './request-workspace';
import { filterQuery, type ViewFilter } from './view-controls';

export type {
  CustomMetricDefinition,
  DimensionValue,
  DimensionValues,
  Health,
  MetricEntry,
  Problem,
  TreeConflict,
  TreeRecord,
  Workspace,
} from '@treeline/core';
export { ApiProblem, toProblem };

/** A person of the workspace, whom a node's RACI may name (as GET /api/people answers). */
export type Person = OkBody<
  Awaited<ReturnType<TreelineClient['api']['people']['$get']>>
>['people'][number];

/** What creates a tree: a template (optionally renamed) or an empty tree with a name. */
export type NewTree = CreateTreeBody;

/** A metric of the catalog without its dimensions; built-in ones are read-only. */
export type CatalogMetric = Omit<MetricEntry, 'dimensions'>;

/** The body that creates a custom metric. */
export type NewMetric = CreateMetricBody;

/** The body that changes a custom metric (its key stays). */
export type MetricChanges = UpdateMetricBody;

/** A metric's values per period over a range, optionally split by one dimension. */
export type MetricSeries = MetricRangeSeries;

/** The conflict a failed save carries, if it was a stale version. */
export function treeConflictOf(problem: Problem): TreeConflict | null {
  if (problem.status !== 409) return null;
  return TreeConflictSchema.safeParse(problem).data ?? null;
}

/**
 * The per-node and per-edge issues a refused save carries: a 422's tree issues, and a 400's
 * field errors on a node of the saved draft (e.g. `nodes.2.alertRule.zThreshold`, a value
 * out of its range) as issues on that node's field.
 */
export function treeIssuesOf(problem: Problem, draft?: TreeDraft): TreeIssue[] {
  if (!problem.errors) return [];
  if (problem.status === 400 && draft) {
    return problem.errors.flatMap((item) => {
      const at = /^nodes\.(\d+)\.(.+)$/.exec(item.path);
      const node = at ? draft.nodes[Number(at[1])] : undefined;
      if (!at || !node) return [];
      const field = at[2]!;
      return [
        {
          code: 'invalid_field',
          message: `${node.label || node.id}: ${field}: ${item.message}`,
          nodeId: node.id,
          field,
        },
      ];
    });
  }
  if (problem.status !== 422) return [];
  return problem.errors.flatMap((item) => {
    const issue = TreeIssueSchema.safeParse(item);
    return issue.success ? [issue.data] : [];
  });
}

/** What a metric series is asked for: [from, to) cut into `grain`, filtered, maybe split. */
export interface MetricSeriesQuery {
  /** A local date (2026-01-01) or an ISO instant with offset; `to` is exclusive. */
  from: string;
  to: string;
  grain: Grain;
  filter?: Record<string, string>;
  split?: string | null;
}

/** Which values of a tree to read: the top bar's controls. */
export interface TreeViewQuery {
  grain: Grain;
  /** A local date (YYYY-MM-DD) in the focus period; null for the last complete period. */
  at: string | null;
  compare: CompareMode;
  filter: ViewFilter | null;
}

export interface TreelineApi {
  getWorkspace(signal?: AbortSignal): Promise<Workspace>;
  listTrees(signal?: AbortSignal): Promise<TreeSummary[]>;
  /**
   * The tree with values at `grain` for the period holding `at` (default: the last complete
   * one), compared as `compare` says, narrowed tree-wide by `filter` when given.
   */
  getTreeView(treeId: string, query: TreeViewQuery, signal?: AbortSignal): Promise<TreeView>;
  getHealth(signal?: AbortSignal): Promise<Health>;
  listMetrics(signal?: AbortSignal): Promise<MetricEntry[]>;
  /** A metric's series; an unknown split dimension is a 422 naming it. */
  getMetricSeries(
    key: string,
    query: MetricSeriesQuery,
    signal?: AbortSignal,
  ): Promise<MetricSeries>;
  createMetric(metric: NewMetric): Promise<MetricEntry>;
  /** Changes a custom metric; a 409 (built-in) or 422 (does not compile) is an ApiProblem. */
  updateMetric(key: string, changes: MetricChanges): Promise<MetricEntry>;
  deleteMetric(key: string): Promise<void>;
  listTemplates(signal?: AbortSignal): Promise<TreeTemplate[]>;
  listPeople(signal?: AbortSignal): Promise<Person[]>;
  /** Each filter and split dimension with the values the workspace's data holds. */
  listDimensionValues(signal?: AbortSignal): Promise<DimensionValues[]>;
  createTree(tree: NewTree): Promise<TreeRecord>;
  getTree(treeId: string, signal?: AbortSignal): Promise<TreeRecord>;
  /** Saves a whole draft against `version`; a 409 or 422 is thrown as an ApiProblem. */
  saveTree(treeId: string, version: number, draft: TreeDraft): Promise<TreeRecord>;
  deleteTree(treeId: string): Promise<void>;
}

/**
 * @example
 * const api = createApi('http://127.0.0.1:3000');
 * const trees = await api.listTrees();
 */
export function createApi(
  baseUrl: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): TreelineApi {
  // hc needs an absolute base; in the browser '' means this origin.
  const origin =
    baseUrl || (typeof location === 'undefined' ? 'http://localhost' : location.origin);
  const client = createTreelineClient(origin, { fetch: withWorkspace(fetchImpl) });
  // Headers, not init, where a body is sent: init.headers would replace hc's JSON content-type.
  const jsonHeaders = { headers: { accept: 'application/json' } };
  const init = (signal?: AbortSignal) => ({
    init: { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) },
  });

  return {
    getWorkspace: (signal) => okJson(client.api.workspace.$get(undefined, init(signal))),
    listTrees: async (signal) =>
      (await okJson(client.api.trees.$get(undefined, init(signal)))).trees,
    getTreeView: (treeId, { grain, at, compare, filter }, signal) =>
      okJson(
        client.api.trees[':id'].view.$get(
          // The route reads filter[<dimension>] from the raw URL, so its schema does not
          // type it; hc appends every query key, so the extra key rides along as is.
          {
            param: { id: treeId },
            query: { grain, compare, ...(at ? { at } : {}), ...filterQuery(filter) },
          },
          init(signal),
        ),
      ),
    getHealth: (signal) => okJson(client.api.health.$get(undefined, init(signal))),
    listMetrics: async (signal) =>
      (await okJson(client.api.metrics.$get(undefined, init(signal)))).metrics,
    getMetricSeries: (key, { from, to, grain, filter, split }, signal) =>
      okJson(
        client.api.metrics[':key'].series.$get(
          {
            param: { key },
            // filter[<dimension>] is read from the raw URL, as on the tree view route.
            query: {
              from,
              to,
              grain,
              ...(split ? { split } : {}),
              ...Object.fromEntries(
                Object.entries(filter ?? {}).map(([dimension, value]) => [
                  `filter[${dimension}]`,
                  value,
                ]),
              ),
            },
          },
          init(signal),
        ),
      ),
    createMetric: (metric) => okJson(client.api.metrics.$post({ json: metric }, jsonHeaders)),
    updateMetric: (key, changes) =>
      okJson(client.api.metrics[':key'].$patch({ param: { key }, json: changes }, jsonHeaders)),
    deleteMetric: (key) => expectOk(client.api.metrics[':key'].$delete({ param: { key } }, init())),
    listTemplates: async (signal) =>
      (await okJson(client.api.templates.$get(undefined, init(signal)))).templates,
    listPeople: async (signal) =>
      (await okJson(client.api.people.$get(undefined, init(signal)))).people,
    listDimensionValues: async (signal) =>
      (await okJson(client.api['dimension-values'].$get(undefined, init(signal)))).dimensions,
    createTree: (tree) => okJson(client.api.trees.$post({ json: tree }, jsonHeaders)),
    getTree: (treeId, signal) =>
      okJson(client.api.trees[':id'].$get({ param: { id: treeId } }, init(signal))),
    saveTree: (treeId, version, draft) =>
      okJson(
        client.api.trees[':id'].$put(
          { param: { id: treeId }, json: { version, ...draft } },
          jsonHeaders,
        ),
      ),
    deleteTree: (treeId) =>
      expectOk(client.api.trees[':id'].$delete({ param: { id: treeId } }, init())),
  };
}

/** The one client instance: same origin in production, proxied by Vite in development. */
export const api: TreelineApi = createApi('');
