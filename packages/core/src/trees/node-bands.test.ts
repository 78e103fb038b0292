// Tests for node bands: targets judge the focus value, benchmarks the outbound window's.

import { describe, expect, it } from 'vitest';
import { loadedNode, loadedTree } from './loaded-tree.test-helpers';
import { benchmarkEvaluation, nodeBands } from './node-bands';

const march = {
  grain: 'month' as const,
  start: '2026-02-28T23:00:00.000Z',
  end: '2026-03-31T22:00:00.000Z',
};
const tree = (motion: string | null) =>
  loadedTree(
    [
      loadedNode('target', 'reply_rate', { band: { kind: 'target', min: 0.1, max: null } }),
      loadedNode('bench', 'activity_per_contact', { band: { kind: 'benchmark' } }),
      loadedNode('plain', 'activities_total'),
    ],
    [],
    { motion, outboundWindowDays: 30 },
  );

describe('node bands', () => {
  it('asks for the benchmarked nodes over the 30 local days before the focus period ends', () => {
    const evaluation = benchmarkEvaluation(tree('mid_market_outbound'), march, 'Europe/Berlin');
    expect(evaluation?.nodes.map((node) => node.id)).toEqual(['bench']);
    expect(evaluation?.window).toEqual({
      grain: 'day',
      start: '2026-03-01T23:00:00.000Z',
      end: '2026-03-31T22:00:00.000Z',
    });
    expect(benchmarkEvaluation(tree('retired_motion'), march, 'Europe/Berlin')).toBeNull();
    expect(benchmarkEvaluation(tree(null), march, 'Europe/Berlin')).toBeNull();
  });

  it("judges a target by the focus value and a benchmark by the window's value", () => {
    const bands = nodeBands(tree('mid_market_outbound'), {
      focus: march,
      timeZone: 'Europe/Berlin',
      valueOf: (id) => (id === 'target' ? 0.05 : 99),
      benchmarkValues: new Map([['bench', 9.5]]),
    });
    expect(bands.get('target')).toEqual({
      kind: 'target',
      min: 0.1,
      max: null,
      motion: null,
      value: 0.05,
      window: null,
      status: 'below',
    });
    expect(bands.get('bench')).toEqual({
      kind: 'benchmark',
      min: 8,
      max: 14,
      motion: 'Mid-market outbound',
      value: 9.5,
      window: { start: '2026-03-01T23:00:00.000Z', end: '2026-03-31T22:00:00.000Z', days: 30 },
      status: 'within',
    });
    expect(bands.has('plain')).toBe(false);
  });

  it('leaves a benchmark empty without a known motion, and "no data" without a value', () => {
    const unknown = nodeBands(tree('retired_motion'), {
      focus: march,
      timeZone: 'Europe/Berlin',
      valueOf: () => null,
      benchmarkValues: new Map(),
    });
    expect(unknown.get('bench')).toMatchObject({
      min: null,
      max: null,
      motion: null,
      window: null,
      status: null,
    });
    expect(unknown.get('target')).toMatchObject({ value: null, status: null });
    const noValue = nodeBands(tree('mid_market_outbound'), {
      focus: march,
      timeZone: 'Europe/Berlin',
      valueOf: () => null,
      benchmarkValues: new Map(),
    });
    expect(noValue.get('bench')).toMatchObject({
      motion: 'Mid-market outbound',
      value: null,
      status: null,
    });
  });
});
