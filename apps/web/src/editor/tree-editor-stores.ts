/**
 * The editors of the trees opened in this page, one store per tree, made when the tree is
 * first opened and kept while the person goes elsewhere (another section, Back to an
 * earlier tree), so unsaved edits wait for them; dropped when they are discarded.
 */

import type { TreeEditorDeps } from './tree-editor-state';
import { createTreeEditorStore, type TreeEditorStore } from './tree-editor-store';

export interface TreeEditorStores {
  /** The tree's editor, made on first use. */
  storeFor: (treeId: string) => TreeEditorStore;
  /** Forgets the tree's editor and its unsaved edits (a deleted tree, a discard). */
  drop: (treeId: string) => void;
  /** Whether any open tree has unsaved edits. */
  anyDirty: () => boolean;
}

/** @example const stores = createTreeEditorStores({ catalog: () => catalog }); stores.storeFor('t1'); */
export function createTreeEditorStores(deps: TreeEditorDeps): TreeEditorStores {
  const stores = new Map<string, TreeEditorStore>();
  return {
    storeFor: (treeId) => {
      let store = stores.get(treeId);
      if (!store) {
        store = createTreeEditorStore(treeId, deps);
        stores.set(treeId, store);
      }
      return store;
    },
    drop: (treeId) => {
      stores.delete(treeId);
    },
    anyDirty: () => [...stores.values()].some((store) => store.getState().dirty),
  };
}
