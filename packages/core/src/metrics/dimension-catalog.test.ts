// Tests for the dimension catalog: one entry per key, enums worded, sources from the record.

import { describe, expect, it } from 'vitest';
import {
  CUSTOM_PROPERTY_SOURCES,
  DIMENSION_KEYS,
  DIMENSIONS,
  dimensionLabel,
  dimensionOptionLabel,
  dimensionSpec,
  SOURCES_REACHING,
  SPLIT_CHART_DIMENSIONS,
  TREE_FILTER_DIMENSIONS,
} from './dimension-catalog';
import { METRIC_SOURCE_CATALOG, METRIC_SOURCES } from './metric-source-catalog';

describe('the dimension catalog', () => {
  it('has each key once, every enum with worded values and no other kind with values', () => {
    expect(new Set(DIMENSION_KEYS).size).toBe(DIMENSIONS.length);
    for (const dimension of DIMENSIONS) {
      expect(dimension.label.length).toBeGreaterThan(0);
      if (dimension.kind === 'enum') {
        expect(dimension.values?.length).toBeGreaterThan(1);
        const values = dimension.values!.map((option) => option.value);
        expect(new Set(values).size).toBe(values.length);
        for (const option of dimension.values!) expect(option.label).not.toBe('');
      } else {
        expect(dimension.values).toBeNull();
      }
    }
  });

  it('gives each dimension the sources that reach its record, its own source first', () => {
    for (const dimension of DIMENSIONS) {
      expect(dimension.sources).toBe(SOURCES_REACHING[dimension.record]);
      for (const source of dimension.sources) expect(METRIC_SOURCES).toContain(source);
    }
    // Every record but rep is some source's own row, and that source reaches it first.
    for (const source of METRIC_SOURCES) {
      const own = METRIC_SOURCE_CATALOG[source].record;
      expect(SOURCES_REACHING[own][0]).toBe(source);
    }
    expect(dimensionSpec('team')?.sources).toEqual(['activities', 'contacts', 'deals', 'capacity']);
    expect(dimensionSpec('segment')?.sources).toEqual(CUSTOM_PROPERTY_SOURCES);
    expect(dimensionSpec('channel')?.sources).toEqual(['activities']);
  });

  it('offers only catalog dimensions to the charts and the tree-wide filter', () => {
    for (const key of [...SPLIT_CHART_DIMENSIONS, ...TREE_FILTER_DIMENSIONS]) {
      expect(dimensionSpec(key)).toBeDefined();
    }
  });

  it('words dimensions and fixed values as people read them', () => {
    expect(dimensionLabel('lifecycle_stage')).toBe('Lifecycle stage');
    expect(dimensionLabel('properties.industry')).toBe('industry');
    expect(dimensionLabel('colour')).toBe('colour');
    expect(dimensionOptionLabel('segment', 'smb')).toBe('SMB');
    expect(dimensionOptionLabel('lifecycle_stage', 'former_customer')).toBe('Former customer');
    expect(dimensionOptionLabel('team', 'A')).toBeUndefined();
    expect(dimensionOptionLabel('segment', 'huge')).toBeUndefined();
    expect(dimensionSpec('toString')).toBeUndefined();
  });
});
