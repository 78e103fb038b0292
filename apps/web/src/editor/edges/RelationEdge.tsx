/**
 * A parent → child link on the canvas: the relation's operator on a small label near
 * the child, and the child's signed contribution to the parent's change when known.
 * Driver links are dashed: they influence, they do not add up.
 */
import type { EdgeRelation, MetricUnit } from '@treeline/core';
import {
  BaseEdge,
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  getSmoothStepPath,
  Position,
} from '@xyflow/react';
import { memo } from 'react';
import { formatSignedMetricValue } from '../../lib/format';
import { RELATION_OPERATORS } from '../../lib/relation-operator';
import type { FlowDirection } from '../nodes/MetricNode';

export type RelationEdgeData = {
  relation: EdgeRelation;
  /** The child's contribution to the parent's change, in the parent's unit. */
  contribution: number | null;
  parentUnit: MetricUnit;
  parentLabel: string;
  childLabel: string;
  direction: FlowDirection;
};

export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

/** How far before the child the label sits, on the edge's last straight run. */
const LABEL_OFFSET = 26;

function RelationEdgeComponent({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  markerEnd,
}: EdgeProps<RelationFlowEdge>) {
  const [path] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    borderRadius: 10,
  });
  if (!data) return <BaseEdge id={id} path={path} markerEnd={markerEnd} />;

  const operator = RELATION_OPERATORS[data.relation];
  const isDriver = data.relation === 'driver';
  // A driver's number would be a correlation, never a share of the change: not shown here.
  const contribution =
    !isDriver && data.contribution !== null
      ? formatSignedMetricValue(data.contribution, data.parentUnit)
      : null;
  const labelX = targetPosition === Position.Left ? targetX - LABEL_OFFSET - 12 : targetX;
  const labelY = targetPosition === Position.Left ? targetY : targetY - LABEL_OFFSET;
  const title = contribution
    ? `${operator.name}: ${data.childLabel} contributed ${contribution} to the change in ${data.parentLabel}`
    : `${operator.name}: ${operator.description}`;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`relation-edge relation-edge--${data.relation}`}
        style={isDriver ? { strokeDasharray: '5 4' } : undefined}
      />
      <EdgeLabelRenderer>
        <div
          className={`relation-label relation-label--${data.relation} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={title}
        >
          <span className="relation-label__operator" aria-hidden>
            {operator.symbol}
          </span>
          <span className="visually-hidden">{operator.name}</span>
          {contribution ? (
            <span className="relation-label__contribution">{contribution}</span>
          ) : null}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const RelationEdge = memo(RelationEdgeComponent);
RelationEdge.displayName = 'RelationEdge';
