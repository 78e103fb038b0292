import { BUILT_IN_METRICS } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import type { CatalogMetric } from './api';
import { searchMetrics } from './metric-catalog';

const catalog: CatalogMetric[] = [
  ...BUILT_IN_METRICS.map((metric) => ({ ...metric, builtIn: true })),
  {
    key: 'calls_share',
    name: 'Share of calls',
    description: '',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'formula', expression: 'a / b' },
    builtIn: false,
  },
];

describe('searchMetrics', () => {
  it('returns everything for an empty query', () => {
    expect(searchMetrics(catalog, '  ')).toBe(catalog);
  });

  it('matches names and keys, every word, ignoring case', () => {
    expect(searchMetrics(catalog, 'CALLS_SH').map((m) => m.key)).toEqual(['calls_share']);
    expect(searchMetrics(catalog, 'share calls').map((m) => m.key)).toEqual(['calls_share']);
    expect(searchMetrics(catalog, 'win rate').map((m) => m.key)).toEqual(['win_rate']);
    expect(searchMetrics(catalog, 'no such metric')).toEqual([]);
  });
});
