// Tests for residuals: the gap where a node's children do not give back its value.

import { describe, expect, it } from 'vitest';
import { loadedEdge, loadedNode, loadedTree, seriesOf } from './loaded-tree.test-helpers';
import { treeResiduals } from './tree-residuals';

describe('treeResiduals', () => {
  it('shows what a sum of channels leaves out, per parent and relation', () => {
    const tree = loadedTree(
      ['total', 'calls', 'emails'].map((id) => loadedNode(id, id)),
      [loadedEdge('total', 'calls', 'sum'), loadedEdge('total', 'emails', 'sum')],
    );
    const series = seriesOf({ total: [10, 12], calls: [6, 5], emails: [4, 4] });
    expect(treeResiduals(tree, series, 0)).toEqual([]);
    expect(treeResiduals(tree, series, 1)).toEqual([
      { nodeId: 'total', value: 3, relation: 'sum' },
    ]);
  });

  it('shows segments that do not cover every row of the parent', () => {
    const tree = loadedTree(
      ['rate', 'a', 'b'].map((id) => loadedNode(id, id)),
      [loadedEdge('rate', 'a', 'segments'), loadedEdge('rate', 'b', 'segments')],
    );
    // Parent 6 / 10; segments cover 2 + 2 of 4 + 4 rows: the other 2 rows hold 2 wins.
    const series = seriesOf(
      { rate: [0.6], a: [0.5], b: [0.5] },
      {
        rate: { numerators: [6], denominators: [10] },
        a: { numerators: [2], denominators: [4] },
        b: { numerators: [2], denominators: [4] },
      },
    );
    const [residual] = treeResiduals(tree, series, 0);
    expect(residual?.nodeId).toBe('rate');
    expect(residual?.relation).toBe('segments');
    expect(residual?.value).toBeCloseTo(0.2, 12);
  });

  it('holds a product and a ratio exactly, and skips a missing value or a zero divisor', () => {
    const tree = loadedTree(
      ['activities', 'reps', 'perRep', 'perContact', 'contacts'].map((id) => loadedNode(id, id)),
      [
        loadedEdge('activities', 'reps', 'product'),
        loadedEdge('activities', 'perRep', 'product'),
        loadedEdge('perContact', 'activities', 'ratio', { role: 'numerator' }),
        loadedEdge('perContact', 'contacts', 'ratio', { role: 'denominator' }),
      ],
    );
    const series = seriesOf({
      activities: [12, 12, null],
      reps: [3, 3, 3],
      perRep: [4, 4, 4],
      perContact: [1.5, 2, 1],
      contacts: [8, 0, 4],
    });
    expect(treeResiduals(tree, series, 0)).toEqual([]);
    // 12 / 0 is not a number: no residual for the ratio, none for the exact product.
    expect(treeResiduals(tree, series, 1)).toEqual([]);
    expect(treeResiduals(tree, series, 2)).toEqual([]);
  });

  it('gives a product with a divisor (exponent −1) its gap when the data changed under it', () => {
    const tree = loadedTree(
      ['perHour', 'activities', 'hours'].map((id) => loadedNode(id, id)),
      [
        loadedEdge('perHour', 'activities', 'product'),
        loadedEdge('perHour', 'hours', 'product', { exponent: -1 }),
      ],
    );
    const series = seriesOf({ perHour: [2.5], activities: [20], hours: [10] });
    expect(treeResiduals(tree, series, 0)).toEqual([
      { nodeId: 'perHour', value: 0.5, relation: 'product' },
    ]);
  });
});
