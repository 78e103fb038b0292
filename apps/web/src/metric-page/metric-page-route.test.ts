import { describe, expect, it } from 'vitest';
import { metricKeyFromHash, metricPageHref } from './metric-page-route';

describe('metric page address', () => {
  it('round-trips a metric key through the hash', () => {
    expect(metricPageHref('activity_per_contact')).toBe('#/metrics/activity_per_contact');
    expect(metricKeyFromHash(metricPageHref('a b/c'))).toBe('a b/c');
  });

  it('names no metric for any other hash', () => {
    expect(metricKeyFromHash('')).toBeNull();
    expect(metricKeyFromHash('#/metrics/')).toBeNull();
    expect(metricKeyFromHash('#/trees/1')).toBeNull();
  });
});
