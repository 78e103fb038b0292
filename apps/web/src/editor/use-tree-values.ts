/**
 * The live values of the open tree at the top bar's controls: read at every saved version
 * (new nodes get their numbers) and again, in place, when the live stream invalidates them.
 * While another period, grain, filter or version loads, the values on screen stay, dimmed
 * (`refreshing`); when a read fails they stay too, marked old (`stale`). Only a tree
 * without any values yet shows the problem instead.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { TreeView } from '@treeline/core';
import { useMemo } from 'react';
import type { ValuesFreshness } from '../components/TopBar';
import { type Problem, type TreeViewQuery, toProblem } from '../lib/api';
import type { TreeControls } from '../routes/tree-controls';
import { useDataChangedAt } from '../server-data/live-data';
import { treeViewQuery } from '../server-data/queries';
import { useKeptWhileSame } from '../server-data/use-kept-while-same';
import { useScreenQuery } from '../server-data/use-screen-query';

export interface TreeValues {
  /** The values on screen, or null before the first read. */
  view: TreeView | null;
  refreshing: boolean;
  freshness: ValuesFreshness;
  /** No values to show, and why. */
  problem: { problem: Problem; retry: () => void } | null;
  stale: boolean;
}

/** @example const { view, refreshing } = useTreeValues('t1', 3, controls, true); */
export function useTreeValues(
  treeId: string,
  version: number,
  { grain, at, compare, filter }: TreeControls,
  enabled: boolean,
): TreeValues {
  const queryClient = useQueryClient();
  const query: TreeViewQuery = useMemo(
    () => ({ grain, at, compare, filter }),
    [grain, at, compare, filter],
  );
  const options = treeViewQuery(treeId, version, query);
  const result = useScreenQuery({ ...options, enabled });
  const view = useKeptWhileSame(treeId, result.data) ?? null;
  const retry = () => void result.refetch();
  const failed = result.isError ? { problem: toProblem(result.error), retry } : null;

  const changedAt = useDataChangedAt();
  // The first answer of a key is a read, not an update; the ones after it are re-reads.
  const updates = queryClient.getQueryState(options.queryKey)?.dataUpdateCount ?? 0;
  const updatedAt =
    changedAt !== null && updates > 1 && result.dataUpdatedAt >= changedAt
      ? result.dataUpdatedAt
      : null;

  const stale = view !== null && failed !== null;
  return {
    view,
    refreshing: view !== null && (result.isPlaceholderData || result.isPending),
    freshness: {
      updatedAt,
      stale: stale ? { unreachable: failed.problem.status === 0, onRetry: retry } : null,
    },
    problem: view === null ? failed : null,
    stale,
  };
}
