/** What a screen reader announces for a node card: the same facts the card shows. */
import type { NodeView } from '@treeline/core';
import { formatMetricValue, formatPercentChange, formatSignedMetricValue } from '../lib/format';

/**
 * @example describeNode(node) // "Calls per contact: 1.24, +3.1% vs previous period, Accountable Ana Ruiz"
 */
export function describeNode(node: NodeView, previousLabel = 'previous period'): string {
  const parts = [`${node.label}: ${formatMetricValue(node.value, node.unit)}`];
  if (node.error) parts.push(`not evaluated: ${node.error.message}`);
  else if (node.change && node.previousValue !== null) {
    const change =
      node.change.percent !== null
        ? formatPercentChange(node.change.percent)
        : formatSignedMetricValue(node.change.absolute, node.unit);
    parts.push(`${change} vs ${previousLabel}`);
  }
  parts.push(node.accountable ? `Accountable ${node.accountable.name}` : 'no Accountable owner');
  return parts.join(', ');
}
