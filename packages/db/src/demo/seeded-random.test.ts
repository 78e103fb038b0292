import { describe, expect, it } from 'vitest';
import { SeededRandom } from './seeded-random';

const draw = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.next());

describe('SeededRandom', () => {
  it('repeats a sequence for the same seed and stream, and differs otherwise', () => {
    expect(draw(new SeededRandom(1, 'a'), 50)).toEqual(draw(new SeededRandom(1, 'a'), 50));
    expect(draw(new SeededRandom(1, 'a'), 50)).not.toEqual(draw(new SeededRandom(2, 'a'), 50));
    expect(draw(new SeededRandom(1, 'a'), 50)).not.toEqual(draw(new SeededRandom(1, 'b'), 50));
  });

  it('pins the first values, so a change of algorithm cannot pass unnoticed', () => {
    const random = new SeededRandom(42, 'pin');
    expect([random.nextUint32(), random.nextUint32(), random.nextUint32()]).toEqual([
      2232981945, 3485363856, 1872410231,
    ]);
  });

  it('draws uniform floats, integers in range and plausible distributions', () => {
    const random = new SeededRandom(7);
    const n = 20_000;
    const floats = draw(random, n);
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(floats.reduce((a, b) => a + b, 0) / n).toBeCloseTo(0.5, 1);
    const ints = Array.from({ length: n }, () => random.int(6));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    const normals = Array.from({ length: n }, () => random.normal());
    const mean = normals.reduce((a, b) => a + b, 0) / n;
    const variance = normals.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
    const poisson = Array.from({ length: n }, () => random.poisson(3));
    expect(poisson.reduce((a, b) => a + b, 0) / n).toBeCloseTo(3, 1);
    const weighted = Array.from({ length: n }, () => random.weighted([1, 3]));
    expect(weighted.filter((i) => i === 1).length / n).toBeCloseTo(0.75, 1);
  });
});
