/**
 * Tree values served from an in-process LRU cache: a view is computed once per (workspace,
 * tree, tree version, data version, range, grain, focus period, compare mode, options) and
 * served from memory until one of those changes. Every writer of CRM data bumps the
 * workspace's data version (bumpDataVersion), every save of a tree bumps its version, so a
 * changed input is a new key and a stale view is never served; old keys fall out of the LRU.
 *
 * A warm hit costs one indexed lookup of the current versions (no scan of the data).
 */
import {
  focusPeriod,
  type Grain,
  type PeriodOptions,
  parseLocalDate,
  periodContaining,
  type TreeView,
} from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { Database, Workspace } from '../schema/database';
import { buildTreeView, type TreeViewOptions } from './build-tree-view';

/** A least-recently-used map of tree views (pending ones included, so a burst computes once). */
export class TreeViewCache {
  private readonly entries = new Map<string, Promise<TreeView | null>>();
  hits = 0;
  misses = 0;

  constructor(readonly maxEntries = 64) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive whole number (got ${maxEntries})`);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry under `key`, computing and storing it on a miss. */
  async getOrCompute(
    key: string,
    compute: () => Promise<TreeView | null>,
  ): Promise<TreeView | null> {
    const found = this.entries.get(key);
    if (found) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const pending = compute();
    this.entries.set(key, pending);
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    try {
      const view = await pending;
      // A missing tree is not remembered: it may be created under the same id's key later.
      if (view === null && this.entries.get(key) === pending) this.entries.delete(key);
      return view;
    } catch (error) {
      if (this.entries.get(key) === pending) this.entries.delete(key);
      throw error;
    }
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * Drops every view of a workspace (its data changed: those keys can never be hit again,
   * so they only hold memory until the LRU would push them out).
   */
  evictWorkspace(workspaceId: string): void {
    const prefix = JSON.stringify([workspaceId]).slice(0, -1);
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(`${prefix},`)) this.entries.delete(key);
    }
  }
}

/** The process-wide cache cachedTreeView uses by default. */
export const treeViewCache = new TreeViewCache();

/** What a cached view depends on besides the options: the versions of tree, metrics and data. */
interface Versions {
  tree_version: number;
  tree_updated_at: string;
  data_version: number;
  metrics_updated_at: string | null;
}

/**
 * The same value as buildTreeView, from the cache when nothing it depends on has changed.
 * The returned view is shared between callers: treat it as read-only.
 * @example
 * const view = await cachedTreeView(db, workspace, treeId, { grain: 'week', periods: 52 });
 */
export async function cachedTreeView(
  db: Kysely<Database>,
  workspace: Workspace,
  treeId: string,
  options: TreeViewOptions,
  cache: TreeViewCache = treeViewCache,
): Promise<TreeView | null> {
  const versions = await currentVersions(db, workspace.id, treeId);
  if (!versions) return null;
  const now = options.now ?? new Date();
  const key = treeViewCacheKey(workspace, treeId, versions, { ...options, now });
  return cache.getOrCompute(key, () => buildTreeView(db, workspace, treeId, { ...options, now }));
}

async function currentVersions(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
): Promise<Versions | undefined> {
  const { rows } = await sql<Versions>`
    select t.version as tree_version,
      to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as tree_updated_at,
      w.data_version,
      (select to_char(max(m.updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
         from metrics m where m.workspace_id = w.id) as metrics_updated_at
    from workspaces w
    join trees t on t.workspace_id = w.id and t.id = ${treeId}::uuid
    where w.id = ${workspaceId}::uuid`.execute(db);
  return rows[0];
}

function treeViewCacheKey(
  workspace: Workspace,
  treeId: string,
  versions: Versions,
  options: TreeViewOptions & { now: Date },
): string {
  const { now, grain, periods, at, compare, ...rest } = options;
  const periodOptions: PeriodOptions = {
    timeZone: workspace.time_zone,
    weekStart: workspace.week_start,
    fiscalYearStartMonth: workspace.fiscal_year_start_month,
  };
  // The range: the series ends with the period before the one holding `now`.
  const current = periodContaining(now, grain as Grain, periodOptions).start;
  return JSON.stringify([
    workspace.id,
    treeId,
    versions.tree_version,
    versions.tree_updated_at,
    versions.metrics_updated_at,
    versions.data_version,
    // Workspace settings the evaluation reads (a settings change bumps no data version).
    workspace.name,
    workspace.time_zone,
    workspace.week_start,
    workspace.fiscal_year_start_month,
    workspace.counting_policy,
    grain,
    periods ?? null,
    current,
    // The focus period itself, so no date, every date inside it and every date past the last
    // complete period (which shows that one) share one entry. A malformed date is keyed as
    // written; buildTreeView refuses it and the refusal is not cached.
    rest.range ? null : focusKey(at, grain as Grain, now, periodOptions),
    rest.range ? null : (compare ?? 'previous'),
    // Any further option (the tree-wide filter…) is part of the key, keys in sorted order.
    sortedKeys(rest),
  ]);
}

/** A JSON-able copy with object keys sorted, so equal options give equal keys. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortedKeys(v)]);
  }
  return value;
}

/** The focus period's start for `at`, or `at` as written when it is not a date. */
function focusKey(at: string | undefined, grain: Grain, now: Date, options: PeriodOptions): string {
  const date = at === undefined ? null : parseLocalDate(at);
  if (at !== undefined && !date) return at;
  return focusPeriod(date, grain, now, options).start;
}
