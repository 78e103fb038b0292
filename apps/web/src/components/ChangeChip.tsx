/**
 * A node's change versus the previous period: an arrow and the relative change,
 * coloured by whether the move is good for the metric (grey within noise).
 */
import type { NodeView } from '@treeline/core';
import { ArrowDownRight, ArrowRight, ArrowUpRight } from 'lucide-react';
import { changeTone, changeTrend } from '../lib/change-tone';
import { formatPercentChange, formatSignedMetricValue } from '../lib/format';

const TONE_WORDS = { good: 'an improvement', bad: 'a deterioration', neutral: 'within noise' };

export function ChangeChip({
  node,
  previousLabel,
}: {
  node: Pick<NodeView, 'change' | 'previousValue' | 'direction' | 'unit'>;
  previousLabel?: string;
}) {
  const { change } = node;
  if (!change || node.previousValue === null) {
    return (
      <span className="change-chip change-chip--neutral" title="No previous value to compare with">
        <ArrowRight aria-hidden size={12} strokeWidth={2.25} />
        <span>no prior</span>
      </span>
    );
  }
  const tone = changeTone(node);
  const trend = changeTrend(node);
  const text =
    change.percent !== null
      ? formatPercentChange(change.percent)
      : formatSignedMetricValue(change.absolute, node.unit);
  const Arrow = trend === 'up' ? ArrowUpRight : trend === 'down' ? ArrowDownRight : ArrowRight;
  const toneWords =
    node.direction === 'within_band' && tone === 'neutral' ? '' : `, ${TONE_WORDS[tone]}`;
  return (
    <span
      className={`change-chip change-chip--${tone}`}
      title={`${formatSignedMetricValue(change.absolute, node.unit)} vs ${previousLabel ?? 'previous period'}${toneWords}`}
    >
      <Arrow aria-hidden size={12} strokeWidth={2.25} />
      <span>{text}</span>
    </span>
  );
}
