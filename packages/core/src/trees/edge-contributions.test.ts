// Tests for edge contributions: each child's share of its parent's change, adding up to the
// change for every arithmetic relation, on hand-made series (no database).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula } from '../formula/evaluate-formula';
import { parseFormula } from '../formula/parse-formula';
import { edgeContributions } from './edge-contributions';
import type { LoadedEdge, LoadedTree } from './loaded-tree';
import { loadedEdge, loadedNode, loadedTree, seriesOf } from './loaded-tree.test-helpers';
import type { NodeSeries } from './node-series';

/** Σ contributions of `parent`'s edges equals its change, to 1e-9 relative. */
function expectAddsUp(
  tree: LoadedTree,
  series: Map<string, NodeSeries>,
  parent: { before: number; after: number },
): void {
  const contributions = edgeContributions(tree, series, 0, 1);
  const shares = tree.edges.map((edge) => contributions.get(edge.id));
  for (const share of shares) expect(Number.isFinite(share)).toBe(true);
  const total = shares.reduce<number>((sum, share) => sum + share!, 0);
  const change = parent.after - parent.before;
  const scale = Math.max(1, Math.abs(parent.before), Math.abs(parent.after));
  expect(Math.abs(total - change)).toBeLessThanOrEqual(1e-9 * scale);
}

const positive = fc.double({ min: 0.01, max: 1e4, noNaN: true });
const pair = fc.tuple(positive, positive);

describe('edgeContributions', () => {
  it('gives each child of a sum its change, a gap between them and the parent aside', () => {
    const tree = loadedTree(
      ['total', 'calls', 'emails'].map((id) => loadedNode(id, id)),
      [loadedEdge('total', 'calls', 'sum'), loadedEdge('total', 'emails', 'sum')],
    );
    const contributions = edgeContributions(
      tree,
      seriesOf({ total: [10, 14], calls: [6, 9], emails: [4, 3] }),
      0,
      1,
    );
    expect(Object.fromEntries(contributions)).toEqual({ 'total>calls': 3, 'total>emails': -1 });
  });

  it('adds up to the change of a product of factors, divisors included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(pair, fc.boolean()), { minLength: 2, maxLength: 4 }),
        (factors) => {
          const ids = factors.map((_, i) => `f${i}`);
          const edges = ids.map((id, i) =>
            loadedEdge('p', id, 'product', { exponent: factors[i]![1] ? -1 : 1 }),
          );
          const at = (period: 0 | 1) =>
            factors.reduce((product, [values, divides]) => {
              const value = values[period];
              return divides ? product / value : product * value;
            }, 1);
          const values: Record<string, number[]> = { p: [at(0), at(1)] };
          factors.forEach(([[before, after]], i) => {
            values[ids[i]!] = [before, after];
          });
          const tree = loadedTree(
            ['p', ...ids].map((id) => loadedNode(id, id)),
            edges,
          );
          expectAddsUp(tree, seriesOf(values), { before: at(0), after: at(1) });
        },
      ),
    );
  });

  it('adds up to the change of a ratio: numerator and denominator effects', () => {
    fc.assert(
      fc.property(pair, pair, ([n0, n1], [d0, d1]) => {
        const tree = loadedTree(
          ['p', 'n', 'd'].map((id) => loadedNode(id, id)),
          [
            loadedEdge('p', 'n', 'ratio', { role: 'numerator' }),
            loadedEdge('p', 'd', 'ratio', { role: 'denominator' }),
          ],
        );
        const series = seriesOf({ p: [n0 / d0, n1 / d1], n: [n0, n1], d: [d0, d1] });
        expectAddsUp(tree, series, { before: n0 / d0, after: n1 / d1 });
      }),
    );
  });

  it('adds up to the change of a rate over segments: rate and mix effects', () => {
    const segment = fc.tuple(
      fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 })),
      fc.tuple(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      ),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const ids = segments.map((_, i) => `s${i}`);
        const rateAt = (period: 0 | 1) => {
          const rows = segments.reduce((sum, [n]) => sum + n[period], 0);
          const hits = segments.reduce((sum, [n, rate]) => sum + n[period] * rate[period], 0);
          return hits / rows;
        };
        const values: Record<string, number[]> = { p: [rateAt(0), rateAt(1)] };
        const ratios: Record<string, { numerators: number[]; denominators: number[] }> = {};
        segments.forEach(([n, rate], i) => {
          values[ids[i]!] = [rate[0], rate[1]];
          ratios[ids[i]!] = {
            numerators: [n[0] * rate[0], n[1] * rate[1]],
            denominators: [n[0], n[1]],
          };
        });
        const tree = loadedTree(
          ['p', ...ids].map((id) => loadedNode(id, id)),
          ids.map((id) => loadedEdge('p', id, 'segments')),
        );
        expectAddsUp(tree, seriesOf(values, ratios), { before: rateAt(0), after: rateAt(1) });
      }),
    );
  });

  it("adds up to the change of a formula, children matched by their metric's key", () => {
    const expressions = [
      'reps * hours * per_hour',
      'reps * hours + per_hour',
      '(reps + hours) / per_hour',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...expressions),
        pair,
        pair,
        pair,
        (expression, reps, hours, perHour) => {
          const formula = parseFormula(expression);
          const at = (period: 0 | 1) =>
            evaluateFormula(
              formula,
              new Map([
                ['reps', reps[period]],
                ['hours', hours[period]],
                ['per_hour', perHour[period]],
              ]),
            )!;
          const tree = loadedTree(
            [
              loadedNode('p', 'identity', { definition: { type: 'formula', expression } }),
              loadedNode('r', 'reps'),
              loadedNode('h', 'hours'),
              loadedNode('t', 'per_hour'),
            ],
            ['r', 'h', 't'].map((child) => loadedEdge('p', child, 'formula')),
          );
          const series = seriesOf({
            p: [at(0), at(1)],
            r: [...reps],
            h: [...hours],
            t: [...perHour],
          });
          expectAddsUp(tree, series, { before: at(0), after: at(1) });
        },
      ),
    );
  });

  it('gives none where a value is missing, a driver link, or children that do not fit', () => {
    const edges: LoadedEdge[] = [
      loadedEdge('p', 'a', 'product'),
      loadedEdge('p', 'b', 'product'),
      loadedEdge('q', 'a', 'driver'),
      loadedEdge('f', 'a', 'formula'),
      loadedEdge('f', 'b', 'formula'),
      loadedEdge('r', 'a', 'ratio', { role: 'numerator' }),
    ];
    const tree = loadedTree(
      [
        loadedNode('p', 'p'),
        loadedNode('q', 'q'),
        // Both children measure the same metric: a formula cannot tell them apart.
        loadedNode('f', 'f', { definition: { type: 'formula', expression: 'x * 2' } }),
        loadedNode('r', 'r'),
        loadedNode('a', 'x'),
        loadedNode('b', 'x'),
      ],
      edges,
    );
    const contributions = edgeContributions(
      tree,
      seriesOf({ p: [2, 3], q: [1, 1], f: [4, 6], r: [1, 2], a: [2, 3], b: [1, null] }),
      0,
      1,
    );
    expect(edges.map((edge) => contributions.get(edge.id) ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
