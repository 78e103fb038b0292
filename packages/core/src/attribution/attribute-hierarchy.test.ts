// Tests for carrying attribution down a tree: shares scale so totals stay exact at every level.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeChange } from './attribute-change';
import {
  type AttributionTree,
  contributionsToRoot,
  scaleContributions,
} from './attribute-hierarchy';
import { preciseSum } from './attribution';

describe('scaleContributions', () => {
  it("scales a grandchild's contribution by its parent's share", () => {
    const scaled = scaleContributions(0.1, {
      change: 0.25,
      contributions: { reps: -0.22, tph: 0.47 },
    });
    expect(scaled.contributions.reps).toBeCloseTo(-0.088, 15);
    expect(scaled.contributions.tph).toBeCloseTo(0.188, 15);
    expect(scaled.unexplained).toBe(0);
  });

  it('leaves a share the grandchildren cannot explain as unexplained', () => {
    expect(scaleContributions(0.3, { change: 0, contributions: { a: 1, b: -1 } })).toEqual({
      contributions: { a: 0, b: 0 },
      unexplained: 0.3,
    });
  });
});

describe('contributionsToRoot', () => {
  it('walks the activity tree: channels, then the capacity identity', () => {
    // activities per contact = calls/contact + emails/contact; calls/contact = reps × hours × tph ÷ contacts
    const capacityBefore = { reps: 10, hours: 30, tph: 4, contacts: 600 };
    const capacityAfter = { reps: 9, hours: 32, tph: 5, contacts: 640 };
    const calls = attributeChange({
      relation: 'product',
      exponents: { contacts: -1 },
      before: capacityBefore,
      after: capacityAfter,
    });
    const root = attributeChange({
      relation: 'sum',
      before: { calls: calls.before, emails: 1.5 },
      after: { calls: calls.after, emails: 1.8 },
    });
    const tree: AttributionTree = { ...root, children: { calls } };
    const entries = contributionsToRoot(tree);
    expect(entries.map((entry) => entry.path.join('/'))).toEqual([
      'calls',
      'calls/reps',
      'calls/hours',
      'calls/tph',
      'calls/contacts',
      'emails',
    ]);
    const leaves = entries.filter((entry) => entry.path.length === 2 || entry.path[0] === 'emails');
    expect(preciseSum(leaves.map((entry) => entry.contribution))).toBeCloseTo(root.change, 12);
    // A sum parent passes its child's change through unscaled.
    expect(entries[1]!.contribution).toBeCloseTo(calls.contributions.reps!, 14);
  });

  it('keeps totals exact at every level of random trees', () => {
    type Shape = { leaves: number; children: Shape[] };
    const shapeArb: fc.Arbitrary<Shape> = fc.letrec<{ shape: Shape }>((tie) => ({
      shape: fc.record({
        leaves: fc.integer({ min: 1, max: 3 }),
        children: fc.oneof(
          { depthSize: 'small' },
          fc.constant<Shape[]>([]),
          fc.array(tie('shape'), { maxLength: 2 }),
        ),
      }),
    })).shape;

    const build = (shape: Shape, draw: () => number): AttributionTree => {
      const contributions: Record<string, number> = {};
      const children: Record<string, AttributionTree> = {};
      shape.children.forEach((child, index) => {
        const subtree = build(child, draw);
        children[`n${index}`] = subtree;
        // An exact method gives a child with no change no share; otherwise any share.
        contributions[`n${index}`] = subtree.change === 0 ? 0 : draw();
      });
      for (let leaf = 0; leaf < shape.leaves; leaf++) contributions[`leaf${leaf}`] = draw();
      return {
        change: preciseSum(Object.values(contributions)),
        contributions,
        children,
      };
    };

    fc.assert(
      fc.property(
        shapeArb,
        fc.infiniteStream(fc.integer({ min: -100, max: 100 })),
        (shape, stream) => {
          const iterator = stream[Symbol.iterator]();
          const tree = build(shape, () => iterator.next().value as number);
          const entries = contributionsToRoot(tree);
          // At every node: Σ children's shares + unexplained = the node's share.
          for (const entry of entries) {
            const children = entries.filter(
              (other) =>
                other.path.length === entry.path.length + 1 &&
                entry.path.every((key, index) => other.path[index] === key),
            );
            if (children.length === 0) continue;
            const total =
              preciseSum(children.map((child) => child.contribution)) + entry.unexplained;
            const scale = Math.max(
              Math.abs(entry.contribution),
              ...children.map((child) => Math.abs(child.contribution)),
            );
            expect(Math.abs(total - entry.contribution)).toBeLessThanOrEqual(1e-9 * scale);
          }
          const top = entries.filter((entry) => entry.path.length === 1);
          expect(preciseSum(top.map((entry) => entry.contribution))).toBeCloseTo(tree.change, 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
