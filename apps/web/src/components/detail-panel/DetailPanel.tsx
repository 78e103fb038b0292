/**
 * The right panel: everything about the selected node (value, previous value, change,
 * numerator and denominator, filter, a line chart of recent periods, its split by channel
 * and by source, segment or lifecycle stage, a link to the metric's page, and what each
 * child contributed) and where it is edited: its label, its RACI owners, its target or
 * benchmark band, a link under a parent, delete. A selected link can be deleted; with
 * nothing selected, the tree itself (name, description, motion) and how to start.
 */
import { useShownTreeView } from '../../editor/ShownTreeView';
import { useDraft, useSelectedEdgeId, useSelectedNode } from '../../editor/tree-editor-hooks';
import { ViewOnlyNote } from '../EditGuard';
import { EdgeDetails } from './EdgeDetails';
import { NodeDetails } from './NodeDetails';
import { PanelSkeleton } from './PanelSkeleton';
import { TreeOverview } from './TreeOverview';

export function DetailPanel({ loading }: { loading: boolean }) {
  const view = useShownTreeView();
  const draft = useDraft();
  const selected = useSelectedNode();
  const edgeId = useSelectedEdgeId();
  return (
    <aside className="panel" aria-label="Details">
      <ViewOnlyNote />
      {loading || !draft ? (
        <PanelSkeleton active={loading} />
      ) : selected ? (
        <NodeDetails
          key={selected.draft.id}
          node={selected.view}
          draftNode={selected.draft}
          pending={selected.pending}
          issues={selected.issues}
          fieldIssues={selected.fieldIssues}
          view={view}
          draft={draft}
        />
      ) : edgeId ? (
        <EdgeDetails edgeId={edgeId} draft={draft} />
      ) : (
        <TreeOverview view={view} draft={draft} />
      )}
    </aside>
  );
}
