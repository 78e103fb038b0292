// Tests for the Kitagawa mix-vs-rate split: exactness, segments that come and go, and bad input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { attributeKitagawa, type SegmentValue } from './attribute-kitagawa';
import { preciseSum } from './attribution';
import { expectExact } from './attribution.test-helpers';

describe('attributeKitagawa', () => {
  it('puts a new segment entirely into mix', () => {
    const result = attributeKitagawa(
      { inbound: { n: 100, rate: 0.1 } },
      { inbound: { n: 100, rate: 0.1 }, partner: { n: 100, rate: 0.3 } },
    );
    expect(result.before).toBeCloseTo(0.1, 15);
    expect(result.after).toBeCloseTo(0.2, 15);
    expect(result.segments.partner!.rate).toBe(0);
    expect(result.segments.partner!.mix).toBeCloseTo(0.15, 15);
    expect(result.segments.inbound!.mix).toBeCloseTo(-0.05, 15);
    expect(result.rateEffect).toBe(0);
    expectExact(result);
  });

  it('treats a segment that empties out (n = 0, no rate) as leaving', () => {
    const result = attributeKitagawa(
      { a: { n: 50, rate: 0.2 }, b: { n: 50, rate: 0.4 } },
      { a: { n: 80, rate: 0.25 }, b: { n: 0, rate: null } },
    );
    expect(result.after).toBeCloseTo(0.25, 15);
    expect(result.segments.b!.rate).toBe(0);
    expect(result.segments.b!.mix).toBeCloseTo(-0.2, 15);
    expectExact(result);
  });

  it('gives 0 to a segment empty in both periods', () => {
    const result = attributeKitagawa(
      { a: { n: 10, rate: 0.5 }, ghost: { n: 0, rate: null } },
      { a: { n: 20, rate: 0.6 }, ghost: { n: 0, rate: 0.9 } },
    );
    expect(result.contributions.ghost).toBe(0);
    expect(result.segments.ghost).toEqual({ rate: 0, mix: 0 });
  });

  it('refuses a period with no members, negative sizes and missing rates', () => {
    let error: unknown;
    try {
      attributeKitagawa({ a: { n: 0, rate: null } }, { a: { n: 10, rate: 0.1 } });
    } catch (caught) {
      error = caught;
    }
    expect(isDomainError(error, 'attribution_undefined')).toBe(true);
    expect((error as Error).message).toMatch(/no segment has any members before/);
    expect(() =>
      attributeKitagawa({ a: { n: -1, rate: 0.1 } }, { a: { n: 1, rate: 0.1 } }),
    ).toThrow(/'a' has size -1 before/);
    expect(() =>
      attributeKitagawa({ a: { n: 5, rate: null } }, { a: { n: 1, rate: 0.1 } }),
    ).toThrow(/'a' has 5 members before but no finite rate/);
  });

  it('is exact per segment and in total, for segments that come and go', () => {
    const segmentArb: fc.Arbitrary<SegmentValue | undefined> = fc.oneof(
      fc.constant(undefined),
      fc.constant({ n: 0, rate: null }),
      fc.record({
        n: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constant(1)),
        rate: fc.double({ min: -2, max: 2, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(segmentArb, segmentArb, fc.boolean()), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const before: Record<string, SegmentValue> = {};
          const after: Record<string, SegmentValue> = {};
          rows.forEach(([old, fresh, unchanged], index) => {
            if (old) before[`s${index}`] = old;
            const next = unchanged ? old : fresh;
            if (next) after[`s${index}`] = next;
          });
          const hasMembers = (segments: Record<string, SegmentValue>) =>
            Object.values(segments).some((segment) => segment.n > 0);
          if (!hasMembers(before) || !hasMembers(after)) {
            expect(() => attributeKitagawa(before, after)).toThrow(/no segment has any members/);
            return;
          }
          const result = attributeKitagawa(before, after);
          expectExact(result, 2);
          expect(
            Math.abs(result.rateEffect + result.mixEffect - result.change),
          ).toBeLessThanOrEqual(1e-9);
          for (const [key, segment] of Object.entries(result.segments)) {
            expect(result.contributions[key]).toBe(segment.rate + segment.mix);
          }
          expect(
            Math.abs(
              preciseSum(Object.values(result.segments).map((s) => s.rate)) - result.rateEffect,
            ),
          ).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
