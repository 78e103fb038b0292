/**
 * The tree screen's top bar controls, read from the address (a reload or a shared link
 * opens the same view) and written back to it in place: a control change adds no history
 * entry, so Back still leaves the screen in one step.
 */
import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { hashSearch, useHashSearch } from './hash-location';
import { type TreeControls, treeControlsFromSearch, treeControlsSearch } from './tree-controls';

/**
 * @example
 * const [controls, setControls] = useTreeControls();
 * setControls((c) => ({ ...c, compare: 'year' }));
 */
export function useTreeControls(): [
  TreeControls,
  (change: (current: TreeControls) => TreeControls) => void,
] {
  const search = useHashSearch();
  const controls = useMemo(() => treeControlsFromSearch(search), [search]);
  const [path, navigate] = useLocation();
  const setControls = useCallback(
    (change: (current: TreeControls) => TreeControls) => {
      // The latest address, not this render's: two changes in one event both count.
      const next = treeControlsSearch(
        change(treeControlsFromSearch(hashSearch(window.location.hash))),
      );
      navigate(`${path}${next ? `?${next}` : ''}`, { replace: true });
    },
    [path, navigate],
  );
  return [controls, setControls];
}
