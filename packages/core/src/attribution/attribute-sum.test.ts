// Tests for sum attribution: each child's change, exact on any values.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeSum } from './attribute-sum';
import { expectExact } from './attribution.test-helpers';

describe('attributeSum', () => {
  it('gives each child its change', () => {
    const result = attributeSum({ calls: 3, emails: 1.5 }, { calls: 2.4, emails: 1.8 });
    expect(result.method).toBe('sum');
    expect(result.contributions.calls).toBeCloseTo(-0.6, 12);
    expect(result.contributions.emails).toBeCloseTo(0.3, 12);
    expect(result.before).toBe(4.5);
    expect(result.after).toBeCloseTo(4.2, 12);
  });

  it('handles no children', () => {
    expect(attributeSum({}, {})).toEqual({
      method: 'sum',
      before: 0,
      after: 0,
      change: 0,
      contributions: {},
    });
  });

  it('is exact for any values, negative and unchanged ones included', () => {
    const value = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6),
      fc.constant(0),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(value, value, fc.boolean()), { minLength: 1, maxLength: 12 }),
        (rows) => {
          const before: Record<string, number> = {};
          const after: Record<string, number> = {};
          rows.forEach(([a, b, unchanged], index) => {
            before[`c${index}`] = a;
            after[`c${index}`] = unchanged ? a : b;
          });
          const result = attributeSum(before, after);
          expectExact(result, Math.max(...rows.flatMap(([a, b]) => [Math.abs(a), Math.abs(b)])));
          rows.forEach(([, , unchanged], index) => {
            if (unchanged) expect(result.contributions[`c${index}`]).toBe(0);
          });
        },
      ),
    );
  });
});
