/**
 * The open tree read as a draft into its editor: when it opens, and again when a newer
 * version turns up (saved elsewhere) while there is nothing unsaved. Unsaved edits, e.g.
 * after a visit to the Metrics screen, are kept rather than replaced by the stored tree.
 * A save or reload moves the version, and the rail's counts and names are read again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { TreeRecord } from '../lib/api';
import { treeQuery } from '../server-data/queries';
import { queryKeys } from '../server-data/query-keys';
import { type QueryResource, resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { useTreeEditor, useTreeEditorApi } from './TreeEditorProvider';

/** @example const record = useTreeDraft(treeId); if (record.status === 'error') … */
export function useTreeDraft(treeId: string): QueryResource<TreeRecord> {
  const store = useTreeEditorApi();
  const queryClient = useQueryClient();
  const record = useScreenQuery(treeQuery(treeId));
  const read = useTreeEditor((state) => state.draft !== null);
  const data = record.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a discard (read turns false) reads the tree again
  useEffect(() => {
    if (!data) return;
    const state = store.getState();
    if (state.draft && (state.dirty || data.version <= state.version)) return;
    state.loadTree(data);
  }, [data, read, store]);

  const version = useTreeEditor((state) => state.version);
  const lastVersion = useRef(version);
  useEffect(() => {
    if (lastVersion.current > 0 && version > lastVersion.current) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.trees() });
    }
    lastVersion.current = version;
  }, [version, queryClient]);
  return resourceOf(record);
}
