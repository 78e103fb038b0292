import { BUILT_IN_METRICS } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import {
  metricSourcesOf,
  offeredSplitDimensions,
  splitDimensionsOf,
  splitValueLabel,
} from './split-dimensions';

const lookup = (key: string) => BUILT_IN_METRICS.find((metric) => metric.key === key)?.definition;
const dimensionsOf = (key: string) => splitDimensionsOf(lookup(key)!, lookup);

describe('offeredSplitDimensions', () => {
  it("offers the API's dimensions the page knows, in the page's order", () => {
    expect(
      offeredSplitDimensions(['rep', 'team', 'segment', 'source', 'properties.<key>', 'channel']),
    ).toEqual(['channel', 'source', 'segment', 'team']);
    expect(offeredSplitDimensions([])).toEqual([]);
  });
});

describe('splitDimensionsOf (deprecated)', () => {
  it('gives contact metrics their contact dimensions, never channel', () => {
    expect(dimensionsOf('contacts_total')).toEqual([
      'source',
      'segment',
      'lifecycle_stage',
      'team',
    ]);
  });

  it('lets a ratio split by channel when its denominator ignores channel', () => {
    expect(dimensionsOf('activity_per_contact')).toEqual([
      'channel',
      'source',
      'segment',
      'lifecycle_stage',
      'team',
    ]);
  });

  it('keeps only what both sides of a ratio share', () => {
    // Selling hours (capacity) per rep: capacity has only rep dimensions.
    expect(dimensionsOf('selling_hours_per_rep')).toEqual(['team']);
  });

  it('splits lead response time by the contacts, not by the touches', () => {
    expect(dimensionsOf('lead_response_time_median')).not.toContain('channel');
    expect(dimensionsOf('lead_response_time_median')).toContain('source');
  });

  it('intersects the references of a formula', () => {
    expect(
      splitDimensionsOf(
        { type: 'formula', expression: 'activities_total / selling_hours' },
        lookup,
      ),
    ).toEqual(['team']);
    expect(
      splitDimensionsOf({ type: 'formula', expression: 'activities_total +' }, lookup),
    ).toEqual([]);
  });
});

describe('metricSourcesOf', () => {
  it('follows ratios to the sources they read', () => {
    expect(metricSourcesOf(lookup('activity_per_contact')!, lookup)).toEqual(['activities']);
    expect(metricSourcesOf(lookup('win_rate')!, lookup)).toEqual(['deals']);
    expect(metricSourcesOf(lookup('contact_growth_rate')!, lookup)).toEqual(['contacts']);
  });
});

describe('splitValueLabel', () => {
  it('reads dimension values as people say them', () => {
    expect(splitValueLabel('segment', 'mid_market')).toBe('Mid-market');
    expect(splitValueLabel('source', 'organic_search')).toBe('Organic search');
    expect(splitValueLabel('lifecycle_stage', 'former_customer')).toBe('Former customer');
    expect(splitValueLabel('channel', 'call')).toBe('Call');
    expect(splitValueLabel('channel', null)).toBe('Not set');
  });
});
