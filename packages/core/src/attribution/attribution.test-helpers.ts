// Shared assertions for attribution tests: contributions add up to the change, to 1e-9 relative.

import { expect } from 'vitest';
import { type Attribution, preciseSum } from './attribution';

/**
 * Asserts Σ contributions = change and change = after − before, to 1e-9 of `scale` (the
 * magnitude of the values involved; at least the parent's before and after values).
 */
export function expectExact(attribution: Attribution, scale = 0): void {
  const magnitude = Math.max(
    Math.abs(attribution.before),
    Math.abs(attribution.after),
    Math.abs(scale),
    Number.MIN_VALUE,
  );
  const total = preciseSum(Object.values(attribution.contributions));
  expect(Math.abs(total - attribution.change)).toBeLessThanOrEqual(1e-9 * magnitude);
  expect(attribution.change).toBe(attribution.after - attribution.before);
  for (const value of Object.values(attribution.contributions)) {
    expect(Number.isFinite(value)).toBe(true);
  }
}
