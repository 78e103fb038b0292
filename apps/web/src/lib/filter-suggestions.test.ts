import { describe, expect, it } from 'vitest';
import type { DimensionValues } from './api';
import { filterSuggestions } from './filter-suggestions';

const known: DimensionValues[] = [
  { dimension: 'team', kind: 'text', values: [{ value: 'EMEA East', label: null, rows: 2 }] },
  { dimension: 'rep', kind: 'id', values: [{ value: '42', label: 'Maya Chen', rows: null }] },
  { dimension: 'source_system', kind: 'text', values: null },
];

describe('filterSuggestions', () => {
  it("suggests the metric's dimensions, not the custom property placeholder", () => {
    expect(
      filterSuggestions(['channel', 'team', 'properties.<key>'], known, '').dimensions,
    ).toEqual(['channel', 'team']);
  });

  it('suggests the values the workspace holds for the dimension being typed', () => {
    expect(filterSuggestions(['team'], known, 'team').values).toEqual([
      { value: 'EMEA East', label: 'EMEA East' },
    ]);
    expect(filterSuggestions(['rep'], known, 'rep').values).toEqual([
      { value: '42', label: 'Maya Chen' },
    ]);
    // Free text the server does not list, an unknown dimension, values not loaded yet.
    expect(filterSuggestions(null, known, 'source_system').values).toEqual([]);
    expect(filterSuggestions(null, known, 'colour').values).toEqual([]);
    expect(filterSuggestions(null, null, 'team').values).toEqual([]);
  });

  it('falls back to every dimension while the catalog is not known', () => {
    expect(filterSuggestions(null, null, '').dimensions).toContain('lifecycle_stage');
  });
});
