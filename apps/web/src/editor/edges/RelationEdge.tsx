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
import { useTreeEditorApi } from '../TreeEditorProvider';

export type RelationEdgeData = {
  relation: EdgeRelation;
  /** The child's contribution to the parent's change, in the parent's unit. */
  contribution: number | null;
  parentUnit: MetricUnit;
  parentLabel: string;
  childLabel: string;
  direction: FlowDirection;
  /** For a ratio edge, which side of the division the child is. */
  role?: 'numerator' | 'denominator' | null;
  /** For a product edge, −1 when the child divides. */
  exponent?: 1 | -1;
  /** The last save was refused because of this edge. */
  invalid?: boolean;
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
  selected,
}: EdgeProps<RelationFlowEdge>) {
  const store = useTreeEditorApi();
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
  const side =
    data.relation === 'ratio' && data.role
      ? data.role === 'numerator'
        ? 'num'
        : 'den'
      : data.relation === 'product' && data.exponent === -1
        ? '⁻¹'
        : null;
  const sideWords =
    data.relation === 'ratio' && data.role
      ? ` (${data.role})`
      : data.relation === 'product' && data.exponent === -1
        ? ' (divides)'
        : '';
  const title = contribution
    ? `${operator.name}${sideWords}: ${data.childLabel} contributed ${contribution} to the change in ${data.parentLabel}`
    : `${operator.name}${sideWords}: ${operator.description}`;
  const state = `${selected ? ' is-selected' : ''}${data.invalid ? ' is-invalid' : ''}`;

  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`relation-edge relation-edge--${data.relation}${state}`}
        style={isDriver ? { strokeDasharray: '5 4' } : undefined}
      />
      <EdgeLabelRenderer>
        {/* The label is the link's easy target: a click selects it (then Delete removes it). */}
        <button
          type="button"
          className={`relation-label relation-label--${data.relation}${state} nodrag nopan`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={title}
          aria-pressed={selected ?? false}
          aria-label={`Link ${data.childLabel} → ${data.parentLabel}: ${title}`}
          onClick={() => store.getState().selectEdge(id)}
          tabIndex={-1}
          data-testid="relation-label"
        >
          <span className="relation-label__operator" aria-hidden>
            {operator.symbol}
          </span>
          {side ? (
            <span className="relation-label__side" aria-hidden>
              {side}
            </span>
          ) : null}
          <span className="visually-hidden">
            {operator.name}
            {sideWords}
          </span>
          {contribution ? (
            <span className="relation-label__contribution">{contribution}</span>
          ) : null}
        </button>
      </EdgeLabelRenderer>
    </>
  );
}

export const RelationEdge = memo(RelationEdgeComponent);
RelationEdge.displayName = 'RelationEdge';
