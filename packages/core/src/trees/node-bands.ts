/**
 * Each banded node's band and where its value sits: a target judges the focus period's
 * value; a benchmark judges touches per contact over the tree's outbound window ending
 * where the focus period ends (one more evaluation, for all benchmarked nodes at once),
 * never a weekly value. A tree whose motion is unknown shows its benchmark bands empty.
 */

import type { NodeBandView } from '../contract/trees/tree-view';
import { outboundWindow } from '../periods/outbound-window';
import type { Period } from '../periods/periods';
import { bandStatus, benchmarkBand, benchmarkMotionByKey } from './benchmark-motions';
import type { LoadedNode, LoadedTree } from './loaded-tree';

type BandTree = Pick<LoadedTree, 'nodes' | 'motion' | 'outboundWindowDays'>;

const motionOf = (tree: BandTree) =>
  tree.motion === null ? undefined : benchmarkMotionByKey(tree.motion);

/**
 * What the benchmark bands need evaluated: the benchmarked nodes over the outbound window;
 * null when the tree has none, or no known motion to take the band from.
 *
 * @example
 * const benchmark = benchmarkEvaluation(tree, focus, 'Europe/Berlin');
 * // evaluate benchmark.nodes' metrics over [benchmark.window]
 */
export function benchmarkEvaluation(
  tree: BandTree,
  focus: Period,
  timeZone: string,
): { window: Period; nodes: LoadedNode[] } | null {
  const nodes = tree.nodes.filter((node) => node.band?.kind === 'benchmark');
  if (nodes.length === 0 || !motionOf(tree)) return null;
  return { window: outboundWindow(focus.end, tree.outboundWindowDays, { timeZone }), nodes };
}

/**
 * The bands by node id, for the nodes that have one.
 *
 * @example
 * nodeBands(tree, { focus, timeZone, valueOf: (id) => values.get(id) ?? null, benchmarkValues })
 */
export function nodeBands(
  tree: BandTree,
  input: {
    focus: Period;
    timeZone: string;
    /** A node's value in the focus period. */
    valueOf: (nodeId: string) => number | null;
    /** Benchmarked nodes' values over the outbound window (see benchmarkEvaluation). */
    benchmarkValues: ReadonlyMap<string, number | null>;
  },
): Map<string, NodeBandView> {
  const bands = new Map<string, NodeBandView>();
  for (const node of tree.nodes) {
    if (node.band?.kind !== 'target') continue;
    const value = input.valueOf(node.id);
    const band = { min: node.band.min, max: node.band.max };
    bands.set(node.id, {
      kind: 'target',
      ...band,
      motion: null,
      value,
      window: null,
      status: bandStatus(band, value),
    });
  }
  const benchmark = benchmarkEvaluation(tree, input.focus, input.timeZone);
  const motion = motionOf(tree);
  for (const node of tree.nodes) {
    if (node.band?.kind !== 'benchmark') continue;
    if (!benchmark || !motion) {
      bands.set(node.id, {
        kind: 'benchmark',
        min: null,
        max: null,
        motion: null,
        value: null,
        window: null,
        status: null,
      });
      continue;
    }
    const band = benchmarkBand(motion);
    const value = input.benchmarkValues.get(node.id) ?? null;
    const { window } = benchmark;
    bands.set(node.id, {
      kind: 'benchmark',
      ...band,
      motion: motion.name,
      value,
      window: { start: window.start, end: window.end, days: tree.outboundWindowDays },
      status: bandStatus(band, value),
    });
  }
  return bands;
}
