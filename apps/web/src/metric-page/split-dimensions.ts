/**
 * Which dimensions a metric can be split by on its page and in the node panel. The API
 * answers them with each catalog metric (`dimensions`, decided by the engine that plans
 * the split); this file picks the ones the page offers and labels their values. A
 * dimension the API refuses anyway comes back as a 422 naming it, which the page shows.
 * Values are labelled by view-controls' dimensionValueLabel.
 */
import {
  dimensionLabel,
  type MetricDefinition,
  type MetricSource,
  metricDependencies,
  SPLIT_CHART_DIMENSIONS,
} from '@treeline/core';

/** The dimensions offered for a split, in the order the select lists them (core's catalog). */
export const SPLIT_DIMENSIONS = SPLIT_CHART_DIMENSIONS;
export type SplitDimension = (typeof SPLIT_DIMENSIONS)[number];

export const SPLIT_DIMENSION_LABELS = Object.fromEntries(
  SPLIT_DIMENSIONS.map((dimension) => [dimension, dimensionLabel(dimension)]),
) as Record<SplitDimension, string>;

/**
 * The offered dimensions among those the API lists for a metric, in SPLIT_DIMENSIONS order.
 *
 * @example offeredSplitDimensions(['rep', 'team', 'segment', 'source']) // ['source', 'segment', 'team']
 */
export function offeredSplitDimensions(dimensions: readonly string[]): SplitDimension[] {
  return SPLIT_DIMENSIONS.filter((dimension) => dimensions.includes(dimension));
}

/** What `metricSourcesOf` needs of the catalog: a definition per key. */
export type DefinitionLookup = (key: string) => MetricDefinition | undefined;

/**
 * The sources a metric reads rows from, through ratios and formulas.
 *
 * @example metricSourcesOf({ type: 'ratio', numerator: 'activities_total', denominator: 'active_contacts' }, lookup) // ['activities']
 */
export function metricSourcesOf(
  definition: MetricDefinition,
  lookup: DefinitionLookup,
  seen: Set<string> = new Set(),
): MetricSource[] {
  const sources = new Set<MetricSource>();
  if (definition.type === 'first_touch_latency') {
    sources.add('contacts');
    sources.add('activities');
  } else if (definition.type === 'ratio' || definition.type === 'formula') {
    let references: string[] = [];
    try {
      references = metricDependencies(definition);
    } catch {
      references = [];
    }
    for (const key of references) {
      const inner = lookup(key);
      if (!inner || seen.has(key)) continue;
      for (const source of metricSourcesOf(inner, lookup, new Set([...seen, key]))) {
        sources.add(source);
      }
    }
  } else {
    sources.add(definition.source);
  }
  return [...sources];
}
