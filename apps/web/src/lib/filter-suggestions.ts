/**
 * What a node's filter editor suggests: the dimensions the node's metric can be filtered
 * by (custom properties aside: their keys are typed), and for the dimension being typed
 * the values the workspace's data holds, labelled as people read them.
 */
import type { DimensionValues } from './api';
import { DIMENSION_SUGGESTIONS } from './metric-catalog';
import { dimensionValueLabel } from './view-controls';

export interface FilterSuggestions {
  dimensions: string[];
  values: Array<{ value: string; label: string }>;
}

/**
 * @example
 * filterSuggestions(['channel', 'team'], known, 'team')
 * // { dimensions: ['channel', 'team'], values: [{ value: 'EMEA East', label: 'EMEA East' }] }
 */
export function filterSuggestions(
  dimensions: readonly string[] | null,
  known: readonly DimensionValues[] | null,
  dimension: string,
): FilterSuggestions {
  const offered = (dimensions ?? DIMENSION_SUGGESTIONS).filter(
    (name) => !name.startsWith('properties.'),
  );
  const listed = known?.find((d) => d.dimension === dimension)?.values ?? [];
  return {
    dimensions: offered,
    values: listed.map((v) => ({
      value: v.value,
      label: dimensionValueLabel(dimension, v.value, v.label),
    })),
  };
}
