/** Tidies the layout, then brings the whole tree into view once it has moved. */
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { FIT_VIEW_OPTIONS } from './fit-view-options';
import { useTreeEditorApi } from './TreeEditorProvider';

/** @example const tidy = useTidyLayout(); <button onClick={tidy}>Tidy</button> */
export function useTidyLayout(): () => void {
  const flow = useReactFlow();
  const store = useTreeEditorApi();
  return useCallback(() => {
    store.getState().autoLayout();
    requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }));
  }, [flow, store]);
}
