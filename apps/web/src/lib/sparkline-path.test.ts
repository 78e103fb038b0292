import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline-path';

describe('sparklinePath', () => {
  const box = { width: 60, height: 20, padding: 2 };

  it('scales the series into the box, highest value at the top', () => {
    const { path, last, min, max } = sparklinePath([1, 2, 3], box);
    expect(path).toBe('M2 18L30 10L58 2');
    expect(last).toEqual({ x: 58, y: 2 });
    expect([min, max]).toEqual([1, 3]);
  });

  it('leaves a gap for missing values instead of dropping to 0', () => {
    expect(sparklinePath([1, 2, null, 4], box).path).toBe('M2 18L20.67 12.67M58 2');
  });

  it('draws a flat series through the middle', () => {
    expect(sparklinePath([5, 5], box).path).toBe('M2 10L58 10');
  });

  it('draws nothing without values', () => {
    const geometry = sparklinePath([null, null], box);
    expect(geometry.path).toBe('');
    expect(geometry.last).toBeNull();
    expect(sparklinePath([], box).path).toBe('');
  });

  it('centres a single point', () => {
    expect(sparklinePath([7], box).last).toEqual({ x: 30, y: 10 });
  });
});
