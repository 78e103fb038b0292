/**
 * Whether a node's change is good news, bad news or noise, from its metric's direction.
 * The canvas colours change chips with it: green good, red bad, grey within noise.
 */
import type { MetricDirection, NodeView } from '@treeline/core';

export type ChangeTone = 'good' | 'bad' | 'neutral';

/** Relative changes smaller than this, in percent (1%), are shown as noise, in grey. */
export const NOISE_THRESHOLD_PERCENT = 1;

/**
 * @example changeTone({ change: { absolute: 5, percent: 5 }, previousValue: 100,
 *   direction: 'higher_is_better' }) // "good"
 */
export function changeTone(
  node: Pick<NodeView, 'change' | 'previousValue'> & { direction: MetricDirection },
): ChangeTone {
  const { change, previousValue, direction } = node;
  if (!change || previousValue === null) return 'neutral';
  if (change.percent !== null && Math.abs(change.percent) < NOISE_THRESHOLD_PERCENT)
    return 'neutral';
  if (change.absolute === 0 || !Number.isFinite(change.absolute)) return 'neutral';
  // A band metric is good inside its band, not in one direction; without the band, no colour.
  if (direction === 'within_band') return 'neutral';
  const rose = change.absolute > 0;
  return rose === (direction === 'higher_is_better') ? 'good' : 'bad';
}

/** Which way the arrow points: the sign of the change, flat when there is none or it is noise. */
export function changeTrend(
  node: Pick<NodeView, 'change' | 'previousValue'>,
): 'up' | 'down' | 'flat' {
  const { change, previousValue } = node;
  if (!change || previousValue === null || change.absolute === 0) return 'flat';
  if (change.percent !== null && Math.abs(change.percent) < NOISE_THRESHOLD_PERCENT) return 'flat';
  return change.absolute > 0 ? 'up' : 'down';
}
