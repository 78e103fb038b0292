/**
 * Which tree is open: the one the address names on the tree screen, else the one last
 * open (the Metrics and Data screens keep it, so Trees returns to it), else the workspace's
 * first tree.
 */
import { useQuery } from '@tanstack/react-query';
import type { TreeSummary } from '@treeline/core';
import { useEffect, useState } from 'react';
import { useRoute } from 'wouter';
import { ROUTES, routeParam } from '../routes/paths';
import { treesQuery } from '../server-data/queries';
import { type QueryResource, resourceOf } from '../server-data/resource';

export interface OpenTree {
  trees: QueryResource<TreeSummary[]>;
  tree: TreeSummary | null;
  /** Whether the tree screen is the one on show. */
  onTreeScreen: boolean;
}

/** @example const { trees, tree } = useOpenTree(); */
export function useOpenTree(): OpenTree {
  const trees = resourceOf(useQuery(treesQuery()));
  const [onTreeScreen, params] = useRoute(ROUTES.tree);
  const named = onTreeScreen && params.treeId ? routeParam(params.treeId) : null;
  const [lastOpen, setLastOpen] = useState<string | null>(null);
  const wanted = onTreeScreen ? named : lastOpen;
  const list = trees.status === 'success' ? trees.data : null;
  const tree = list ? (list.find((t) => t.id === wanted) ?? list[0] ?? null) : null;
  const treeId = tree?.id ?? null;
  useEffect(() => {
    if (onTreeScreen && treeId) setLastOpen(treeId);
  }, [onTreeScreen, treeId]);
  return { trees, tree, onTreeScreen };
}
