/**
 * A node's numbers as facts: value, previous value, change, numerator and denominator, and
 * the part of it the tree's branches do not explain ("other").
 */
import type { NodeView, TreeView } from '@treeline/core';
import {
  formatMetricValue,
  formatPercentChange,
  formatQuantity,
  formatSignedMetricValue,
  NO_DATA,
} from '../../lib/format';
import { Fact } from './Fact';

export function NodeFacts({ node, view }: { node: NodeView; view: TreeView | null }) {
  const previousLabel = view?.previousPeriod.label ?? 'previous period';
  const hasParts = node.numerator !== null || node.denominator !== null;
  const residual = view?.residuals.find((r) => r.nodeId === node.id)?.value ?? null;
  return (
    <section className="panel__section" aria-label="Values">
      <dl className="facts">
        <Fact term="Value">{formatMetricValue(node.value, node.unit)}</Fact>
        <Fact term={`Previous (${previousLabel})`}>
          {formatMetricValue(node.previousValue, node.unit)}
        </Fact>
        <Fact term="Change">
          {node.change
            ? `${formatSignedMetricValue(node.change.absolute, node.unit)}${
                node.change.percent !== null ? ` (${formatPercentChange(node.change.percent)})` : ''
              }`
            : NO_DATA}
        </Fact>
        {hasParts ? (
          <>
            <Fact term="Numerator">{formatQuantity(node.numerator)}</Fact>
            <Fact term="Denominator">{formatQuantity(node.denominator)}</Fact>
          </>
        ) : null}
        {residual !== null ? (
          <Fact term="Other (not in tree)">{formatMetricValue(residual, node.unit)}</Fact>
        ) : null}
      </dl>
    </section>
  );
}
