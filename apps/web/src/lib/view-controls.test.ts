import { describe, expect, it } from 'vitest';
import type { DimensionValues } from './api';
import {
  COMPARE_CHOICES,
  decodeViewFilter,
  dimensionValueLabel,
  encodeViewFilter,
  filterChoices,
  filterQuery,
  GRAIN_CHOICES,
} from './view-controls';

describe('view controls', () => {
  it('offers week, month and quarter', () => {
    expect(GRAIN_CHOICES.map((choice) => choice.grain)).toEqual(['week', 'month', 'quarter']);
  });

  it('offers the previous period and the same period last year, the default first', () => {
    expect(COMPARE_CHOICES.map((choice) => choice.compare)).toEqual(['previous', 'year']);
  });

  it('round-trips a filter through its option value', () => {
    for (const filter of [
      { dimension: 'team', value: 'Team A' },
      { dimension: 'source', value: 'ORGANIC_SEARCH' },
      { dimension: 'segment', value: 'mid_market' },
    ]) {
      expect(decodeViewFilter(encodeViewFilter(filter))).toEqual(filter);
    }
  });

  it("offers the workspace's teams, segments and sources, labelled, and the filter in force", () => {
    const known: DimensionValues[] = [
      {
        dimension: 'team',
        kind: 'text',
        values: [{ value: 'EMEA East', label: null, rows: 4 }],
      },
      {
        dimension: 'segment',
        kind: 'enum',
        values: ['smb', 'mid_market'].map((value) => ({ value, label: null, rows: null })),
      },
      { dimension: 'source', kind: 'text', values: [] },
      { dimension: 'channel', kind: 'enum', values: [{ value: 'call', label: null, rows: null }] },
    ];
    expect(filterChoices(known, null)).toEqual([
      { dimension: 'team', label: 'Team', values: [{ value: 'EMEA East', label: 'EMEA East' }] },
      {
        dimension: 'segment',
        label: 'Segment',
        values: [
          { value: 'smb', label: 'SMB' },
          { value: 'mid_market', label: 'Mid-market' },
        ],
      },
      { dimension: 'source', label: 'Source', values: [] },
    ]);
    // A filter from an old link that the data no longer holds still shows as applied.
    const withOld = filterChoices(known, { dimension: 'source', value: 'paid_search' });
    expect(withOld[2]?.values).toEqual([{ value: 'paid_search', label: 'Paid search' }]);
    // While the values load, only the filter in force is offered.
    expect(
      filterChoices(null, { dimension: 'team', value: 'Team A' }).map((c) => c.values),
    ).toEqual([[{ value: 'Team A', label: 'Team A' }], [], []]);
  });

  it('reads dimension values as people say them', () => {
    expect(dimensionValueLabel('segment', 'mid_market')).toBe('Mid-market');
    expect(dimensionValueLabel('source', 'organic_search')).toBe('Organic search');
    expect(dimensionValueLabel('lifecycle_stage', 'former_customer')).toBe('Former customer');
    expect(dimensionValueLabel('channel', 'call')).toBe('Call');
    expect(dimensionValueLabel('channel', null)).toBe('Not set');
    expect(dimensionValueLabel('rep', '42', 'Maya Chen')).toBe('Maya Chen');
  });

  it('treats the empty option as no filter', () => {
    expect(encodeViewFilter(null)).toBe('');
    expect(decodeViewFilter('')).toBeNull();
    expect(decodeViewFilter('team')).toBeNull();
  });

  it('keeps an = inside the value', () => {
    expect(decodeViewFilter('properties.x=a=b')).toEqual({
      dimension: 'properties.x',
      value: 'a=b',
    });
  });

  it('writes the filter as a filter[dimension] query parameter', () => {
    expect(filterQuery({ dimension: 'team', value: 'Team A' })).toEqual({
      'filter[team]': 'Team A',
    });
    expect(filterQuery(null)).toEqual({});
  });
});
