/**
 * A metric on the canvas, readable in one glance: label, the value in its unit, the
 * change chip coloured by the metric's direction, a sparkline of recent periods, the
 * Accountable owner's initials and how many people are Responsible.
 */
import type { NodeView } from '@treeline/core';
import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import { TriangleAlert, Users } from 'lucide-react';
import { memo } from 'react';
import { ChangeChip } from '../../components/ChangeChip';
import { OwnerAvatar } from '../../components/OwnerAvatar';
import { Sparkline } from '../../components/Sparkline';
import { changeTone } from '../../lib/change-tone';
import { formatFilter, formatMetricValue } from '../../lib/format';
import { useEditorStore } from '../store';

/** The way the tree grows on the canvas: top-to-bottom or left-to-right. */
export type FlowDirection = 'TB' | 'LR';

export type MetricNodeData = {
  view: NodeView;
  direction: FlowDirection;
  /** What the children of a `sum` node leave unexplained ("other"), if anything. */
  residual: number | null;
};

export type MetricFlowNode = Node<MetricNodeData, 'metric'>;

function MetricNodeComponent({ data, selected }: NodeProps<MetricFlowNode>) {
  const { view, direction } = data;
  const previousLabel = useEditorStore((state) => state.view?.previousPeriod.label);
  const filter = formatFilter(view.filter);
  const hasValue = view.value !== null;
  const valueText = formatMetricValue(view.value, view.unit);
  const responsible = view.responsibleCount;

  return (
    <div
      className={`metric-node${selected ? ' is-selected' : ''}${view.error ? ' has-error' : ''}`}
      data-testid="metric-node"
    >
      <Handle
        type="target"
        position={direction === 'TB' ? Position.Top : Position.Left}
        isConnectable={false}
        className="metric-node__handle"
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
        {view.error ? (
          <span className="error-chip" title={view.error.message}>
            <TriangleAlert aria-hidden size={12} strokeWidth={2.25} />
            not evaluated
          </span>
        ) : (
          <ChangeChip node={view} previousLabel={previousLabel} />
        )}
      </div>
      <div className="metric-node__footer">
        <Sparkline series={view.series} width={116} height={24} tone={changeTone(view)} />
        <div className="metric-node__people">
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
        isConnectable={false}
        className="metric-node__handle"
      />
    </div>
  );
}

export const MetricNode = memo(MetricNodeComponent);
MetricNode.displayName = 'MetricNode';
