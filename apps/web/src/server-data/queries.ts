/**
 * How each server resource is read: its key (query-keys.ts) and the typed API call that
 * answers it (lib/api.ts, data-screen/data-api.ts). Screens pass these to useQuery, so a
 * resource read in two places is one request and one cache entry. Resources a screen keeps
 * on show, dimmed, while the next answer loads (another grain, split or period) carry
 * `placeholderData: keepPreviousData`.
 */

import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Grain } from '@treeline/core';
import { dataApi } from '../data-screen/data-api';
import { api, type MetricSeriesQuery, type TreeViewQuery } from '../lib/api';
import { accountApi } from '../session/account-api';
import { queryKeys } from './query-keys';

/** Who is signed in, their workspaces and roles, the demo, whether setup is needed. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: queryKeys.session(),
    queryFn: ({ signal }) => accountApi.getSession(signal),
  });

export const accountQuery = () =>
  queryOptions({
    queryKey: queryKeys.account(),
    queryFn: ({ signal }) => accountApi.getAccount(signal),
  });

/** The workspace's API tokens (admins only). */
export const tokensQuery = () =>
  queryOptions({
    queryKey: queryKeys.tokens(),
    queryFn: ({ signal }) => accountApi.listTokens(signal),
  });

/** @example const workspace = useQuery(workspaceQuery()); */
export const workspaceQuery = () =>
  queryOptions({
    queryKey: queryKeys.workspace(),
    queryFn: ({ signal }) => api.getWorkspace(signal),
  });

export const healthQuery = () =>
  queryOptions({ queryKey: queryKeys.health(), queryFn: ({ signal }) => api.getHealth(signal) });

export const treesQuery = () =>
  queryOptions({ queryKey: queryKeys.trees(), queryFn: ({ signal }) => api.listTrees(signal) });

/** The tree as a draft (what the editor edits and saves). */
export const treeQuery = (treeId: string) =>
  queryOptions({
    queryKey: queryKeys.tree(treeId),
    queryFn: ({ signal }) => api.getTree(treeId, signal),
  });

/** The tree's live values at a saved version and the top bar's controls. */
export const treeViewQuery = (treeId: string, version: number, query: TreeViewQuery) =>
  queryOptions({
    queryKey: queryKeys.treeView(treeId, version, query),
    queryFn: ({ signal }) => api.getTreeView(treeId, query, signal),
    placeholderData: keepPreviousData,
  });

export const metricsQuery = () =>
  queryOptions({ queryKey: queryKeys.metrics(), queryFn: ({ signal }) => api.listMetrics(signal) });

export const templatesQuery = () =>
  queryOptions({
    queryKey: queryKeys.templates(),
    queryFn: ({ signal }) => api.listTemplates(signal),
  });

export const peopleQuery = () =>
  queryOptions({ queryKey: queryKeys.people(), queryFn: ({ signal }) => api.listPeople(signal) });

/** The teams, sources and reps the data holds; the last list stays while the next loads. */
export const dimensionValuesQuery = () =>
  queryOptions({
    queryKey: queryKeys.dimensionValues(),
    queryFn: ({ signal }) => api.listDimensionValues(signal),
    placeholderData: keepPreviousData,
  });

/**
 * A metric's series. `shape` names the request in the key; `query` is built when the
 * request is made, so a refetch after new data can move a range's end to that moment.
 *
 * @example metricSeriesQuery('win_rate', { grain: 'month', count: 12 }, () => ({ ...seriesRange('month', 12, new Date()), grain: 'month' }))
 */
export const metricSeriesQuery = (
  metricKey: string,
  shape: Record<string, unknown>,
  query: () => MetricSeriesQuery,
) =>
  queryOptions({
    queryKey: queryKeys.metricSeries(metricKey, shape),
    queryFn: ({ signal }) => api.getMetricSeries(metricKey, query(), signal),
    placeholderData: keepPreviousData,
  });

export const importsQuery = () =>
  queryOptions({
    queryKey: queryKeys.imports(),
    queryFn: ({ signal }) => dataApi.listImports(signal),
    placeholderData: keepPreviousData,
  });

export const dataHealthQuery = (grain: Grain, periods: number) =>
  queryOptions({
    queryKey: queryKeys.dataHealth(grain, periods),
    queryFn: ({ signal }) => dataApi.getDataHealth(grain, periods, signal),
    placeholderData: keepPreviousData,
  });

export const countingSettingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.countingSettings(),
    queryFn: ({ signal }) => dataApi.getCountingSettings(signal),
  });

export const importCatalogQuery = () =>
  queryOptions({
    queryKey: queryKeys.importCatalog(),
    queryFn: ({ signal }) => dataApi.getImportCatalog(signal),
  });

export const importMappingsQuery = () =>
  queryOptions({
    queryKey: queryKeys.importMappings(),
    queryFn: ({ signal }) => dataApi.listMappings(signal),
  });
