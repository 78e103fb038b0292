import { describe, expect, it } from 'vitest';
import {
  COMPARE_CHOICES,
  decodeViewFilter,
  encodeViewFilter,
  FILTER_CHOICES,
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
    for (const { dimension, values } of FILTER_CHOICES) {
      for (const { value } of values) {
        expect(decodeViewFilter(encodeViewFilter({ dimension, value }))).toEqual({
          dimension,
          value,
        });
      }
    }
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
