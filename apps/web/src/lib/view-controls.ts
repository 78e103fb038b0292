/**
 * The choices of the top bar's period controls: the time grains, the compare modes and
 * the tree-wide filter (a team, a segment or a source, with the values the workspace's data
 * holds).
 */
import {
  type CompareMode,
  dimensionLabel,
  dimensionOptionLabel,
  type Grain,
  TREE_FILTER_DIMENSIONS,
} from '@treeline/core';
import type { DimensionValues } from './api';

/** The grains the top bar offers, finest first. */
export const GRAIN_CHOICES: ReadonlyArray<{ grain: Grain; label: string }> = [
  { grain: 'week', label: 'Week' },
  { grain: 'month', label: 'Month' },
  { grain: 'quarter', label: 'Quarter' },
];

/** What a change can compare with, as the compare select words it. */
export const COMPARE_CHOICES: ReadonlyArray<{ compare: CompareMode; label: string }> = [
  { compare: 'previous', label: 'vs previous period' },
  { compare: 'year', label: 'vs same period last year' },
];

/** One dimension = value pair that narrows the whole tree. */
export interface ViewFilter {
  dimension: string;
  value: string;
}

/** The dimensions the tree-wide filter offers, in its order (core's catalog). */
export const FILTER_DIMENSIONS: ReadonlyArray<{ dimension: string; label: string }> =
  TREE_FILTER_DIMENSIONS.map((dimension) => ({ dimension, label: dimensionLabel(dimension) }));

/** A group of the filter select: one dimension and its values, labelled. */
export interface FilterChoice {
  dimension: string;
  label: string;
  values: ReadonlyArray<{ value: string; label: string }>;
}

/**
 * A dimension value as people read it: the server's label (a rep's name), the catalog's
 * wording of a fixed value (segment 'smb' is "SMB"), or the value with underscores spaced
 * and a capital first letter; `null` (rows without a value) is "Not set".
 *
 * @example dimensionValueLabel('segment', 'mid_market') // "Mid-market"
 * @example dimensionValueLabel('lifecycle_stage', 'former_customer') // "Former customer"
 */
export function dimensionValueLabel(
  dimension: string,
  value: string | null,
  label: string | null = null,
): string {
  if (value === null || value === '') return 'Not set';
  if (label) return label;
  const known = dimensionOptionLabel(dimension, value);
  if (known) return known;
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The tree-wide filter's groups: for each of FILTER_DIMENSIONS, the values the workspace
 * holds (from GET /api/dimension-values; none while they load), plus the filter in force
 * when it is not among them (a value from an old link still shows what is applied).
 *
 * @example filterChoices([{ dimension: 'team', kind: 'text', values: [{ value: 'EMEA', label: null, rows: 4 }] }], null)
 * // [{ dimension: 'team', label: 'Team', values: [{ value: 'EMEA', label: 'EMEA' }] }, …]
 */
export function filterChoices(
  known: readonly DimensionValues[] | null,
  current: ViewFilter | null,
): FilterChoice[] {
  return FILTER_DIMENSIONS.map(({ dimension, label }) => {
    const listed = known?.find((d) => d.dimension === dimension)?.values ?? [];
    const values = listed.map((v) => ({
      value: v.value,
      label: dimensionValueLabel(dimension, v.value, v.label),
    }));
    if (current?.dimension === dimension && !values.some((v) => v.value === current.value)) {
      values.push({ value: current.value, label: dimensionValueLabel(dimension, current.value) });
    }
    return { dimension, label, values };
  });
}

/**
 * The filter as one string, for a `<select>` option value and a resource key; '' is no filter.
 *
 * @example encodeViewFilter({ dimension: 'team', value: 'Team A' }) // 'team=Team A'
 */
export function encodeViewFilter(filter: ViewFilter | null): string {
  return filter ? `${filter.dimension}=${filter.value}` : '';
}

/**
 * The inverse of `encodeViewFilter`: '' (or a string without '=') is no filter.
 *
 * @example decodeViewFilter('segment=smb') // { dimension: 'segment', value: 'smb' }
 */
export function decodeViewFilter(encoded: string): ViewFilter | null {
  const at = encoded.indexOf('=');
  if (at <= 0) return null;
  return { dimension: encoded.slice(0, at), value: encoded.slice(at + 1) };
}

/**
 * The filter as query parameters of the view route, in its `filter[<dimension>]` style.
 *
 * @example filterQuery({ dimension: 'team', value: 'Team A' }) // { 'filter[team]': 'Team A' }
 */
export function filterQuery(filter: ViewFilter | null): Record<string, string> {
  return filter ? { [`filter[${filter.dimension}]`]: filter.value } : {};
}
