import { describe, expect, it } from 'vitest';
import { bandScale } from './band-scale';

describe('bandScale', () => {
  it('centres a closed band with room for values just outside it', () => {
    const scale = bandScale({ min: 8, max: 14, value: 11 })!;
    expect(scale.from).toBeCloseTo(1 / 6);
    expect(scale.to).toBeCloseTo(5 / 6);
    expect(scale.marker).toBeCloseTo(0.5);
  });

  it('runs an open end to the edge and keeps a far value on the bar', () => {
    const scale = bandScale({ min: 12, max: null, value: 31 })!;
    expect(scale.to).toBe(1);
    expect(scale.marker).toBeGreaterThan(scale.from);
    expect(scale.marker).toBeLessThanOrEqual(1);
    expect(bandScale({ min: 3, max: 6, value: null })!.marker).toBeNull();
    expect(bandScale({ min: null, max: null, value: 4 })).toBeNull();
  });
});
