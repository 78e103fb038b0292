/**
 * A metric on the canvas, readable in one glance: label, the value in its unit, the
 * change chip coloured by the metric's direction, a sparkline of recent periods, the
 * Accountable owner's initials and how many people are Responsible.
 */
import type { NodeView, TreeDraftNode } from '@treeline/core';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { CircleAlert, TriangleAlert, Users } from 'lucide-react';
import { memo } from 'react';
import { NodeAlertBadge } from '../../alerts/NodeAlertBadge';
import { BandBar } from '../../components/BandBar';
import { ChangeChip } from '../../components/ChangeChip';
import { OwnerAvatar } from '../../components/OwnerAvatar';
import { Sparkline } from '../../components/Sparkline';
import { NodeInterventionFlag } from '../../interventions/NodeInterventionFlag';
import { changeTone } from '../../lib/change-tone';
import { formatFilter, formatMetricValue } from '../../lib/format';
import { useShownTreeView } from '../ShownTreeView';

/** The way the tree grows on the canvas: top-to-bottom or left-to-right. */
export type FlowDirection = 'TB' | 'LR';

export type MetricNodeData = {
  view: NodeView;
  direction: FlowDirection;
  /** What the children of a `sum` node leave unexplained ("other"), if anything. */
  residual: number | null;
  /** The node as the editor holds it (absent on a read-only view). */
  draft?: TreeDraftNode;
  /** Added or changed since the values were computed: no numbers until it is saved. */
  pending?: boolean;
  /** Why the last save was refused, for this node. */
  issues?: readonly string[];
};

export type MetricFlowNode = Node<MetricNodeData, 'metric'>;

function MetricNodeComponent({ data, selected }: NodeProps<MetricFlowNode>) {
  const { view, direction } = data;
  const pending = data.pending ?? false;
  const issues = data.issues ?? [];
  const shown = useShownTreeView();
  const previousLabel = shown?.previousPeriod.label;
  const filter = formatFilter(view.filter);
  const hasValue = view.value !== null;
  const valueText = formatMetricValue(view.value, view.unit);
  const responsible = view.responsibleCount;

  return (
    <div
      className={`metric-node${selected ? ' is-selected' : ''}${view.error ? ' has-error' : ''}${issues.length > 0 ? ' has-issues' : ''}${pending ? ' is-pending' : ''}`}
      data-testid="metric-node"
      data-node-id={view.id}
    >
      <Handle
        type="target"
        position={direction === 'TB' ? Position.Top : Position.Left}
        className="metric-node__handle metric-node__handle--in"
        title="Drop a link here to make this node a child"
      />
      <div className="metric-node__label" title={view.label}>
        {view.label}
      </div>
      {filter ? (
        <div className="metric-node__filter" title={`Filter: ${filter}`}>
          {filter}
        </div>
      ) : null}
      <div className="metric-node__value-row">
        <span
          className={`metric-node__value${hasValue ? '' : ' is-empty'}${valueText.length > 10 ? ' is-long' : ''}`}
          data-testid="node-value"
          title={valueText}
        >
          {valueText}
        </span>
        {issues.length > 0 ? (
          <span className="error-chip" title={issues.join('\n')} data-testid="node-issue">
            <CircleAlert aria-hidden size={12} strokeWidth={2.25} />
            {issues.length === 1 ? '1 problem' : `${issues.length} problems`}
          </span>
        ) : pending ? (
          <span className="pending-chip" title="Values appear once the tree is saved">
            save to see values
          </span>
        ) : view.error ? (
          <span className="error-chip" title={view.error.message}>
            <TriangleAlert aria-hidden size={12} strokeWidth={2.25} />
            not evaluated
          </span>
        ) : (
          <ChangeChip node={view} previousLabel={previousLabel} />
        )}
      </div>
      {view.band && !pending ? (
        <div className="metric-node__band">
          <BandBar band={view.band} unit={view.unit} width={196} />
        </div>
      ) : null}
      <div className="metric-node__footer">
        <Sparkline series={view.series} width={116} height={24} tone={changeTone(view)} />
        <div className="metric-node__people">
          {shown && !pending ? (
            <NodeInterventionFlag treeId={shown.tree.id} nodeId={view.id} />
          ) : null}
          {shown && !pending ? <NodeAlertBadge treeId={shown.tree.id} nodeId={view.id} /> : null}
          {responsible > 0 ? (
            <span
              className="metric-node__responsible"
              title={`${responsible} Responsible`}
              role="img"
              aria-label={`${responsible} Responsible`}
            >
              <Users aria-hidden size={12} strokeWidth={2} />
              {responsible}
            </span>
          ) : null}
          <OwnerAvatar person={view.accountable} />
        </div>
      </div>
      <Handle
        type="source"
        position={direction === 'TB' ? Position.Bottom : Position.Right}
        className="metric-node__handle metric-node__handle--out"
        title="Drag to a child node to link it under this one"
      />
    </div>
  );
}

/**
 * The card draws from `data` and `selected` only. React Flow also passes the measured size
 * and the absolute position, which change when a tree opens (0 → measured) and on every
 * drag frame; comparing just what is drawn saves a second render of every card on open
 * (200 on a 200-node tree) and a render per frame of a dragged one.
 */
const sameCard = (before: NodeProps<MetricFlowNode>, after: NodeProps<MetricFlowNode>) =>
  before.data === after.data &&
  before.selected === after.selected &&
  before.id === after.id &&
  before.isConnectable === after.isConnectable;

export const MetricNode = memo(MetricNodeComponent, sameCard);
MetricNode.displayName = 'MetricNode';
