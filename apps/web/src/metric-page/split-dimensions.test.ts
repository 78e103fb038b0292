import { BUILT_IN_METRICS } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import { metricSourcesOf, offeredSplitDimensions } from './split-dimensions';

const lookup = (key: string) => BUILT_IN_METRICS.find((metric) => metric.key === key)?.definition;

describe('offeredSplitDimensions', () => {
  it("offers the API's dimensions the page knows, in the page's order", () => {
    expect(
      offeredSplitDimensions(['rep', 'team', 'segment', 'source', 'properties.<key>', 'channel']),
    ).toEqual(['channel', 'source', 'segment', 'team']);
    expect(offeredSplitDimensions([])).toEqual([]);
  });
});

describe('metricSourcesOf', () => {
  it('follows ratios to the sources they read', () => {
    expect(metricSourcesOf(lookup('activity_per_contact')!, lookup)).toEqual(['activities']);
    expect(metricSourcesOf(lookup('win_rate')!, lookup)).toEqual(['deals']);
    expect(metricSourcesOf(lookup('contact_growth_rate')!, lookup)).toEqual(['contacts']);
  });
});
