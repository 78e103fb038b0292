// Checks movement detection against the numeric test vectors (P2_* keys) of docs/product.md §5,
// read from fixtures/spec/test-vectors.json, to 1e-4.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cusumStep,
  detectMovement,
  detectMovements,
  robustBaseline,
  wilsonInterval,
} from './detect-movement';

interface Vectors {
  P2_robust_z: {
    window: number[];
    median: number;
    MAD: number;
    'scale_1.4826MAD': number;
    x110: { z: number; 'alert_at_3.5': boolean };
    x106: { z: number; 'alert_at_3.5': boolean };
  };
  P2_ratio_small_denominator: {
    baseline: { k: number; n: number; p: number };
    week_0_of_20: { wilson95: [number, number]; alert: boolean };
    week_10_of_500: { wilson95: [number, number]; alert: boolean };
  };
  P2_cusum: {
    k: number;
    h: number;
    z: number[];
    C_plus: number[];
    first_alarm_index_1based: number;
  };
}

const vectors: Vectors = JSON.parse(
  readFileSync(new URL('../../fixtures/spec/test-vectors.json', import.meta.url), 'utf8'),
);
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThan(1e-4);

describe('P2 vectors', () => {
  it('robust z: median, MAD, scale and the two test points', () => {
    const v = vectors.P2_robust_z;
    const baseline = robustBaseline(v.window);
    expect(baseline.median).toBe(v.median);
    expect(baseline.mad).toBe(v.MAD);
    close(baseline.scale, v['scale_1.4826MAD']);
    for (const [x, expected] of [
      [110, v.x110],
      [106, v.x106],
    ] as const) {
      const d = detectMovement({ values: [...v.window, x] }, { zThreshold: 3.5, window: 13 });
      close(d.z!, expected.z);
      expect(d.alert).toBe(expected['alert_at_3.5']);
    }
  });

  it('ratio with a small denominator: Wilson intervals, and 0 of 20 never alerts', () => {
    const v = vectors.P2_ratio_small_denominator;
    for (const [k, n, expected] of [
      [0, 20, v.week_0_of_20],
      [10, 500, v.week_10_of_500],
    ] as const) {
      const [lo, hi] = wilsonInterval(k, n);
      close(lo, expected.wilson95[0]);
      close(hi, expected.wilson95[1]);
      // Eight baseline weeks at the baseline's rate (500 of 10000 in all), then the test week.
      const weeks = 8;
      const numerators = [...Array.from({ length: weeks }, () => v.baseline.k / weeks), k];
      const denominators = [...Array.from({ length: weeks }, () => v.baseline.n / weeks), n];
      // A little noise in the baseline rates, so the MAD is not 0.
      const rates = numerators.map(
        (kk, i) => kk / denominators[i]! + (i < weeks ? (i % 3) * 0.001 : 0),
      );
      const d = detectMovement({ values: rates, numerators, denominators, proportion: true }, {});
      expect(d.alert).toBe(expected.alert);
      expect(d.ratio?.baselineRate).toBeCloseTo(v.baseline.p, 10);
    }
    const small = detectMovement({
      values: [0.05, 0.051, 0.049, 0.05, 0.052, 0.048, 0.05, 0],
      numerators: [25, 25, 25, 25, 26, 24, 25, 0],
      denominators: [500, 490, 510, 500, 500, 500, 500, 20],
      proportion: true,
    });
    expect(small.status).toBe('held');
    expect(small.reason).toMatch(/denominator 20 is under the minimum of 30/);
  });

  it('CUSUM: the upper sum step by step, first alarm at the ninth point', () => {
    const v = vectors.P2_cusum;
    let state = { up: 0, down: 0 };
    let first: number | null = null;
    v.z.forEach((z, i) => {
      const step = cusumStep(state, z, v.k, v.h);
      close(step.up, v.C_plus[i]!);
      if (step.signal && first === null) first = i + 1;
      state = step;
    });
    expect(first).toBe(v.first_alarm_index_1based);
  });
});

describe('detectMovements', () => {
  const noisy = [100, 103, 97, 101, 99, 102, 98, 100, 101, 99];

  it('shows but never alerts with fewer than six prior periods', () => {
    const d = detectMovement({ values: [100, 101, 99, 100, 100, 300] });
    expect(d.status).toBe('not_enough_history');
    expect(d.alert).toBe(false);
    expect(detectMovement({ values: [100, 101, 99, 100, 100, 300] }, { minHistory: 5 }).alert).toBe(
      true,
    );
  });

  it('needs the minimum change as well as the z-score', () => {
    const tight = [100, 100.2, 99.8, 100.1, 99.9, 100, 100.1, 99.9];
    const d = detectMovement({ values: [...tight, 104] });
    expect(Math.abs(d.z!)).toBeGreaterThan(3.5);
    expect(d.status).toBe('held');
    expect(detectMovement({ values: [...tight, 104] }, { minChangePct: 3 }).alert).toBe(true);
  });

  it('floors the scale on a flat baseline instead of dividing by zero', () => {
    const d = detectMovement({ values: [50, 50, 50, 50, 50, 50, 50, 60] });
    expect(d.baseline?.floored).toBe(true);
    expect(Number.isFinite(d.z!)).toBe(true);
    expect(d.alert).toBe(true);
    expect(d.direction).toBe('up');
  });

  it('finds a slow drift the spike test misses, then resets', () => {
    const wide = [100, 106, 94, 105, 95, 104, 96, 103, 97, 100];
    const drift = [...wide, 112, 112, 112, 112, 112];
    expect(detectMovements({ values: drift }).every((d) => d.test !== 'spike')).toBe(true);
    const all = detectMovements({ values: drift });
    const alerts = all.filter((d) => d.alert);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]!.test).toBe('drift');
    expect(alerts[0]!.direction).toBe('up');
    expect(alerts[0]!.cusum).toEqual({ up: 0, down: 0 });
  });

  it('takes its thresholds from the rule', () => {
    const values = [...noisy, 93];
    expect(detectMovement({ values }).alert).toBe(false);
    expect(detectMovement({ values }, { zThreshold: 2, minChangePct: 5 }).direction).toBe('down');
  });
});
