/**
 * The web app's one API client. Calls go to the same origin (`/api/...`); failures
 * arrive as RFC 9457 problem details and are thrown as `ApiProblem`, so every screen
 * can show the title, the detail and a way to retry.
 *
 * Requests go through the typed Hono client of `@treeline/client`, so a path, parameter or
 * response shape that drifts from the API fails the typecheck, not the user.
 */
import { createTreelineClient } from '@treeline/client';
import type {
  CompareMode,
  DimensionValueKind,
  Grain,
  MetricDefinition,
  MetricSpec,
  PeriodView,
  TreeDraft,
  TreeDraftChanges,
  TreeIssue,
  TreeSummary,
  TreeTemplate,
  TreeView,
} from '@treeline/core';
import { filterQuery, type ViewFilter } from './view-controls';

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  /** ISO weekday weeks start on (1 = Monday). */
  weekStart: number;
  /** Month (1–12) the fiscal year starts in. */
  fiscalYearStartMonth: number;
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
  migration: string;
}

/** A person of the workspace, whom a node's RACI may name. */
export interface Person {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'editor' | 'viewer';
  initials: string;
}

/** A tree as the editor reads and saves it: the draft beside its version. */
export interface TreeRecord extends TreeDraft {
  id: string;
  version: number;
  templateKey: string | null;
  createdAt: string;
  updatedAt: string;
  /** What would keep the tree from being saved as it is (e.g. a node with no Accountable). */
  errors: TreeIssue[];
  /** Hygiene warnings; they never block a save. */
  warnings: TreeIssue[];
}

/** What creates a tree: a template (optionally renamed) or an empty tree with a name. */
export interface NewTree {
  name?: string;
  templateKey?: string | null;
  /** Made Accountable for every node of a template until branches are handed over. */
  owner?: string | null;
}

/** The extension members of a 409 on save: what changed since the version saved against. */
export interface TreeConflict {
  currentVersion: number;
  yourVersion: number;
  basis: 'since_your_version' | 'against_your_draft';
  changes: TreeDraftChanges;
}

/** The conflict a failed save carries, if it was a stale version. */
export function treeConflictOf(problem: Problem): TreeConflict | null {
  if (problem.status !== 409 || typeof problem.currentVersion !== 'number') return null;
  return problem as unknown as TreeConflict;
}

/** The per-node and per-edge issues a 422 on save carries. */
export function treeIssuesOf(problem: Problem): TreeIssue[] {
  if (problem.status !== 422 || !Array.isArray(problem.errors)) return [];
  return (problem.errors as Array<Partial<TreeIssue>>).filter(
    (issue): issue is TreeIssue =>
      typeof issue.code === 'string' && typeof issue.message === 'string',
  );
}

/** An RFC 9457 problem details body, with the extension members the API adds. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Which fields were wrong, for validation problems. */
  errors?: Array<{ path: string; message: string }>;
  /** Extension members, e.g. the `reference` an unknown-metric problem names. */
  [extension: string]: unknown;
}

/** A metric of the catalog; built-in ones are read-only. */
export type CatalogMetric = MetricSpec & { builtIn: boolean };

/** A catalog metric as the API lists it: with the dimensions it can be filtered and split by. */
export type MetricEntry = CatalogMetric & { dimensions: string[] };

/** What a custom metric may be defined as: row aggregates, a ratio or a formula. */
export type CustomMetricDefinition = Exclude<
  MetricDefinition,
  { type: 'cohort' } | { type: 'first_touch_latency' }
>;

/** The body that creates a custom metric. */
export type NewMetric = Omit<MetricSpec, 'definition'> & { definition: CustomMetricDefinition };

/** The body that changes a custom metric (its key stays). */
export type MetricChanges = Partial<Omit<NewMetric, 'key'>>;

/** A failed API call, carrying the problem the server (or the network) reported. */
export class ApiProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }
}

/** A metric's values per period over a range, optionally split by one dimension. */
export interface MetricSeries {
  metricKey: string;
  grain: Grain;
  filter: Record<string, string>;
  splitBy: string | null;
  periods: PeriodView[];
  /** One per period; null means "no data". */
  values: Array<number | null>;
  numerators: Array<number | null> | null;
  denominators: Array<number | null> | null;
  /** One per dimension value (null: rows without one), when split. */
  splits: Array<{
    value: string | null;
    values: Array<number | null>;
    numerators: Array<number | null> | null;
    denominators: Array<number | null> | null;
  }> | null;
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

/** A value a dimension takes in the workspace (GET /api/dimension-values). */
export interface DimensionValue {
  value: string;
  /** How people read it where the value is an id (a rep's name). */
  label: string | null;
  rows: number | null;
}

export interface DimensionValues {
  dimension: string;
  kind: DimensionValueKind;
  /** null: free text the server does not list. */
  values: DimensionValue[] | null;
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

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { title?: unknown }).title === 'string'
  );
}

/** Turns anything a call can fail with into a problem a person can act on. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  return {
    type: 'about:blank',
    title: 'Could not reach the Treeline server',
    status: 0,
    detail:
      error instanceof Error && error.message
        ? `${error.message}. Check that the server is running and your connection is up, then retry.`
        : 'Check that the server is running and your connection is up, then retry.',
  };
}

async function problemFrom(response: Response, path: string): Promise<Problem> {
  // A gateway error with no problem body means the API itself is down (e.g. the dev proxy).
  const unreachable = response.status >= 502 && response.status <= 504;
  const fallback: Problem = {
    type: 'about:blank',
    title: unreachable
      ? 'The Treeline API is not reachable'
      : response.statusText || `Request failed with status ${response.status}`,
    status: response.status,
    detail: unreachable
      ? `The server answered ${response.status} to ${path.split('?')[0]}. Check that the API is running, then retry.`
      : `The server answered ${response.status} to ${path.split('?')[0]}.`,
  };
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? { ...fallback, ...body } : fallback;
  } catch {
    return fallback;
  }
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
  const client = createTreelineClient(origin, { fetch: fetchImpl });
  const jsonHeaders = { headers: { accept: 'application/json' } };
  const init = (signal?: AbortSignal) => ({
    init: { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) },
  });

  async function json<T>(path: string, pending: Promise<Response>): Promise<T> {
    const response = await pending;
    if (!response.ok) throw new ApiProblem(await problemFrom(response, path));
    return (await response.json()) as T;
  }

  return {
    getWorkspace: (signal) =>
      json<Workspace>('/api/workspace', client.api.workspace.$get(undefined, init(signal))),
    listTrees: async (signal) =>
      (
        await json<{ trees: TreeSummary[] }>(
          '/api/trees',
          client.api.trees.$get(undefined, init(signal)),
        )
      ).trees,
    getTreeView: (treeId, { grain, at, compare, filter }, signal) =>
      json<TreeView>(
        `/api/trees/${treeId}/view`,
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
    getHealth: (signal) =>
      json<Health>('/api/health', client.api.health.$get(undefined, init(signal))),
    listMetrics: async (signal) =>
      (
        await json<{ metrics: MetricEntry[] }>(
          '/api/metrics',
          client.api.metrics.$get(undefined, init(signal)),
        )
      ).metrics,
    getMetricSeries: (key, { from, to, grain, filter, split }, signal) =>
      json<MetricSeries>(
        `/api/metrics/${key}/series`,
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
    createMetric: (metric) =>
      json<MetricEntry>(
        '/api/metrics',
        // Headers, not init: init.headers would replace the JSON content-type hc sets.
        client.api.metrics.$post({ json: metric }, { headers: { accept: 'application/json' } }),
      ),
    updateMetric: (key, changes) =>
      json<MetricEntry>(
        `/api/metrics/${key}`,
        client.api.metrics[':key'].$patch({ param: { key }, json: changes }, jsonHeaders),
      ),
    deleteMetric: async (key) => {
      const path = `/api/metrics/${key}`;
      const response = await client.api.metrics[':key'].$delete({ param: { key } }, init());
      if (!response.ok) throw new ApiProblem(await problemFrom(response, path));
    },
    listTemplates: async (signal) =>
      (
        await json<{ templates: TreeTemplate[] }>(
          '/api/templates',
          client.api.templates.$get(undefined, init(signal)),
        )
      ).templates,
    listPeople: async (signal) =>
      (
        await json<{ people: Person[] }>(
          '/api/people',
          client.api.people.$get(undefined, init(signal)),
        )
      ).people,
    listDimensionValues: async (signal) =>
      (
        await json<{ dimensions: DimensionValues[] }>(
          '/api/dimension-values',
          client.api['dimension-values'].$get(undefined, init(signal)),
        )
      ).dimensions,
    createTree: (tree) =>
      json<TreeRecord>('/api/trees', client.api.trees.$post({ json: tree }, jsonHeaders)),
    getTree: (treeId, signal) =>
      json<TreeRecord>(
        `/api/trees/${treeId}`,
        client.api.trees[':id'].$get({ param: { id: treeId } }, init(signal)),
      ),
    saveTree: (treeId, version, draft) =>
      json<TreeRecord>(
        `/api/trees/${treeId}`,
        client.api.trees[':id'].$put(
          { param: { id: treeId }, json: { version, ...draft } },
          jsonHeaders,
        ),
      ),
    deleteTree: async (treeId) => {
      const path = `/api/trees/${treeId}`;
      const response = await client.api.trees[':id'].$delete({ param: { id: treeId } }, init());
      if (!response.ok) throw new ApiProblem(await problemFrom(response, path));
    },
  };
}

/** The one client instance: same origin in production, proxied by Vite in development. */
export const api: TreelineApi = createApi('');
