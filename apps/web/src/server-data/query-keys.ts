/**
 * The query keys of every server resource the web app reads, in one place so a screen, a
 * mutation and the live stream all name a resource the same way. The first element is the
 * resource; those in DATA_RESOURCES change when CRM data is imported and are invalidated
 * by the live stream (see live-data.ts).
 */
import type { Grain } from '@treeline/core';
import type { TreeViewQuery } from '../lib/api';

/**
 * @example queryKeys.treeView('t1', 3, { grain: 'week', at: null, compare: 'previous', filter: null })
 * // ['tree-view', 't1', 3, { grain: 'week', … }]
 */
export const queryKeys = {
  /** Who is signed in and where they act; kept when the workspace changes. */
  session: () => ['session'] as const,
  account: () => ['account'] as const,
  tokens: () => ['tokens'] as const,
  workspace: () => ['workspace'] as const,
  health: () => ['health'] as const,
  trees: () => ['trees'] as const,
  tree: (treeId: string) => ['tree', treeId] as const,
  /** Every tree view of one tree (at every version and control), or of all trees. */
  treeViews: (treeId?: string) =>
    treeId === undefined ? (['tree-view'] as const) : (['tree-view', treeId] as const),
  treeView: (treeId: string, version: number, query: TreeViewQuery) =>
    ['tree-view', treeId, version, query] as const,
  metrics: () => ['metrics'] as const,
  templates: () => ['templates'] as const,
  people: () => ['people'] as const,
  dimensionValues: () => ['dimension-values'] as const,
  /** A metric's series; `shape` is what the screen asked for (grain, range, split…). */
  metricSeries: (metricKey: string, shape: Record<string, unknown>) =>
    ['metric-series', metricKey, shape] as const,
  imports: () => ['imports'] as const,
  dataHealth: (grain: Grain, periods: number) => ['data-health', grain, periods] as const,
  countingSettings: () => ['counting-settings'] as const,
  importCatalog: () => ['import-catalog'] as const,
  importMappings: () => ['import-mappings'] as const,
};

/**
 * The resources whose answers depend on the workspace's CRM data: an import (announced on
 * the live stream) or a change of the counting rules makes them stale.
 */
export const DATA_RESOURCES: ReadonlySet<string> = new Set([
  'tree-view',
  'metric-series',
  'dimension-values',
  'imports',
  'data-health',
  // The alert screens: values on My branches, alerts raised after an import.
  'my-branches',
  'alerts',
]);

/** The resources a new notification makes stale (the live stream's notifications-changed). */
export const NOTIFICATION_RESOURCES: ReadonlySet<string> = new Set([
  'inbox',
  'alerts',
  'my-branches',
]);

/** True for a query key of a resource in NOTIFICATION_RESOURCES. */
export function isNotificationQueryKey(queryKey: readonly unknown[]): boolean {
  return typeof queryKey[0] === 'string' && NOTIFICATION_RESOURCES.has(queryKey[0]);
}

/** True for a query key of a resource in DATA_RESOURCES. */
export function isDataQueryKey(queryKey: readonly unknown[]): boolean {
  return typeof queryKey[0] === 'string' && DATA_RESOURCES.has(queryKey[0]);
}
