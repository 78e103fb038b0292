// Tests for the dimensions a metric can be split by: those every input has.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from './built-in-metrics';
import { metricCatalog } from './metric-catalog';
import { metricDimensions } from './metric-dimensions';
import { dimensionsOf } from './source-dimensions';

const catalog = metricCatalog(BUILT_IN_METRICS, [
  { key: 'broken', definition: { type: 'formula', expression: 'missing + 1' } },
]);

describe('metricDimensions', () => {
  it("gives a row metric its source's dimensions", () => {
    expect(metricDimensions(catalog, 'activities_total')).toEqual(dimensionsOf('activities'));
    expect(metricDimensions(catalog, 'contacts_total')).toEqual(dimensionsOf('contacts'));
  });

  it('gives a ratio what both sides share, or what its denominator ignores', () => {
    const perContact = metricDimensions(catalog, 'activity_per_contact');
    expect(perContact).toEqual(dimensionsOf('activities'));
    const perHour = metricDimensions(catalog, 'selling_hours_per_rep');
    expect(perHour).toContain('team');
    expect(perHour).not.toContain('segment');
    expect(perHour).not.toContain('properties.<key>');
  });

  it('gives a metric that does not plan no dimensions', () => {
    expect(metricDimensions(catalog, 'broken')).toEqual([]);
    expect(metricDimensions(catalog, 'nope')).toEqual([]);
  });
});
