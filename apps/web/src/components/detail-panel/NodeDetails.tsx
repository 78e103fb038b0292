/**
 * The panel of a selected node: its headline (label, value, change, line), splits, facts,
 * owners, target, filter, "link under a parent", branches, recent periods, alert history and
 * alert rule, and delete.
 */
import { useQuery } from '@tanstack/react-query';
import type { NodeView, TreeDraft, TreeDraftNode, TreeView } from '@treeline/core';
import { Trash2 } from 'lucide-react';
import { useId, useMemo } from 'react';
import { NodeAlertHistory } from '../../alerts/NodeAlertHistory';
import { useTreeEditor } from '../../editor/TreeEditorProvider';
import { useEditorActions } from '../../editor/tree-editor-hooks';
import { dimensionValuesQuery } from '../../server-data/queries';
import { useCatalog } from '../../server-data/use-catalog';
import { usePeople } from '../../server-data/use-people';
import { usePermission } from '../../session/workspace-scope';
import { NodeSplitCharts } from '../charts/NodeCharts';
import { EditGuard } from '../EditGuard';
import { FilterEditor } from '../FilterEditor';
import { RaciEditor } from '../RaciEditor';
import { AlertRuleEditor } from './AlertRuleEditor';
import { NodeBranches } from './NodeBranches';
import { NodeFacts } from './NodeFacts';
import { NodeHeadline } from './NodeHeadline';
import { NodeTarget } from './NodeTarget';
import { ParentLinker } from './ParentLinker';
import { RecentPeriods } from './RecentPeriods';

export function NodeDetails({
  node,
  draftNode,
  pending,
  issues,
  fieldIssues,
  view,
  draft,
}: {
  node: NodeView;
  draftNode: TreeDraftNode;
  pending: boolean;
  issues: readonly string[];
  fieldIssues: Readonly<Record<string, string>>;
  view: TreeView | null;
  draft: TreeDraft;
}) {
  const { updateNode, assignRole, deleteElements } = useEditorActions();
  const people = usePeople();
  const metric = useCatalog().get(draftNode.metricKey);
  const metricDimensions = metric?.dimensions ?? null;
  // The workspace's values of each dimension, for the filter's suggestions.
  const dimensionValues = useQuery(dimensionValuesQuery()).data ?? null;
  const allWarnings = useTreeEditor((state) => state.warnings);
  const warnings = useMemo(
    () => allWarnings.filter((warning) => warning.nodeId === node.id),
    [allWarnings, node.id],
  );
  const id = useId();
  const canEdit = usePermission('editor').allowed;

  return (
    <div className="panel__scroll">
      <NodeHeadline
        node={node}
        label={draftNode.label}
        pending={pending}
        issues={issues}
        warnings={warnings}
        view={view}
      />

      {pending || !view || node.error ? null : (
        <section className="panel__section" aria-label="Splits">
          <NodeSplitCharts node={node} view={view} />
        </section>
      )}

      {pending || node.error ? null : <NodeFacts node={node} view={view} />}

      <EditGuard>
        <section className="panel__section" aria-labelledby={`${id}-owners`}>
          <h3 className="panel__subtitle" id={`${id}-owners`}>
            Owners
          </h3>
          <RaciEditor
            nodeLabel={draftNode.label}
            raci={draftNode.raci}
            people={people}
            onAssign={(role, personId, assigned) => assignRole(node.id, role, personId, assigned)}
          />
        </section>

        <NodeTarget node={node} draftNode={draftNode} draft={draft} pending={pending} />

        <section className="panel__section" aria-labelledby={`${id}-filter`}>
          <h3 className="panel__subtitle" id={`${id}-filter`}>
            Filter
          </h3>
          <FilterEditor
            filter={draftNode.filter}
            dimensions={metricDimensions}
            known={dimensionValues}
            onChange={(filter) => updateNode(node.id, { filter })}
          />
        </section>

        <ParentLinker node={draftNode} draft={draft} />
      </EditGuard>

      <NodeBranches node={node} draft={draft} view={view} />

      {pending ? null : <RecentPeriods node={node} />}

      {view && !pending ? <NodeAlertHistory treeId={view.tree.id} nodeId={node.id} /> : null}

      <AlertRuleEditor
        draftNode={draftNode}
        ratio={metric?.definition.type === 'ratio'}
        fieldIssues={fieldIssues}
      />

      {canEdit ? (
        <section className="panel__section" aria-label="Delete node">
          <button
            type="button"
            className="button button--small"
            onClick={() => deleteElements({ nodeIds: [node.id] })}
          >
            <Trash2 aria-hidden size={13} />
            Delete node
          </button>
          <p className="field__hint">Its links go with it. Undo brings both back.</p>
        </section>
      ) : null}
    </div>
  );
}
