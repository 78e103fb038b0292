/**
 * The tree view whose values are on screen (the last one read for the open tree, kept while
 * the next loads), for the node cards and the panel that join it to the draft.
 */
import type { TreeView } from '@treeline/core';
import { createContext, useContext } from 'react';

export const ShownTreeViewContext = createContext<TreeView | null>(null);

/** @example const view = useShownTreeView(); view?.period.label */
export function useShownTreeView(): TreeView | null {
  return useContext(ShownTreeViewContext);
}
