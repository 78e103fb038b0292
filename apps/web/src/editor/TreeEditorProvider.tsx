/**
 * The open tree's editor store for the components under it, as React Flow's provider does
 * for its own: TreeEditorStoresProvider holds the page's stores (tree-editor-stores.ts),
 * TreeEditorProvider picks the one of a tree, and useTreeEditor reads it with a selector.
 */
import { createContext, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { TreeEditorState } from './tree-editor-state';
import type { TreeEditorStore } from './tree-editor-store';
import type { TreeEditorStores } from './tree-editor-stores';

const StoresContext = createContext<TreeEditorStores | null>(null);
const StoreContext = createContext<TreeEditorStore | null>(null);

export function TreeEditorStoresProvider({
  stores,
  children,
}: {
  stores: TreeEditorStores;
  children: ReactNode;
}) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

/** The editor of `treeId` for everything under it. */
export function TreeEditorProvider({ treeId, children }: { treeId: string; children: ReactNode }) {
  const store = useTreeEditorStores().storeFor(treeId);
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The page's tree editors (to guard unsaved edits, to drop a deleted tree's). */
export function useTreeEditorStores(): TreeEditorStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useTreeEditorStores needs a TreeEditorStoresProvider above it.');
  return stores;
}

/** The open tree's store itself, for reading the latest state in event handlers. */
export function useTreeEditorApi(): TreeEditorStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('The tree editor is used outside a TreeEditorProvider.');
  return store;
}

/**
 * @example const dirty = useTreeEditor((state) => state.dirty);
 */
export function useTreeEditor<T>(selector: (state: TreeEditorState) => T): T {
  return useStore(useTreeEditorApi(), selector);
}
