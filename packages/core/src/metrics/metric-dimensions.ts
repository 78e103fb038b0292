/**
 * The dimensions a metric can be filtered and split by, as the planner decides: those a
 * split by plans. So a ratio has those both sides share (or its denominator ignores), a
 * formula those every input has, a metric that does not compile none.
 */
import { isDomainError } from '../domain-error';
import { CUSTOM_PROPERTY_DIMENSIONS } from './dimension-catalog';
import type { MetricCatalog } from './metric-catalog';
import { planMetricRequest } from './plan-metric-request';
import { knownDimensions } from './source-dimensions';

/** Any custom property stands for them all: whether one applies depends on the source only. */
const PROPERTY_PROBE = 'properties.probe';

/**
 * In knownDimensions() order, custom properties as `properties.<key>`.
 *
 * @example metricDimensions(metricCatalog(BUILT_IN_METRICS), 'contacts_total').includes('channel') // false
 */
export function metricDimensions(catalog: MetricCatalog, key: string): string[] {
  const plans = (splitBy: string | null): boolean => {
    try {
      planMetricRequest(catalog, { metricKey: key, splitBy });
      return true;
    } catch (error) {
      if (isDomainError(error)) return false;
      throw error;
    }
  };
  if (!plans(null)) return [];
  return knownDimensions().filter((dimension) =>
    plans(dimension === CUSTOM_PROPERTY_DIMENSIONS ? PROPERTY_PROBE : dimension),
  );
}
