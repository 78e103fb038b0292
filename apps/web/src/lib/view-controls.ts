/**
 * The choices of the top bar's period controls: the time grains, the compare modes and
 * the tree-wide filter. The filter values are hard-coded from the demo data (teams, segments and
 * lead sources); an endpoint that lists a workspace's dimension values is future work.
 */
import type { CompareMode, Grain } from '@treeline/core';

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

/** The dimensions the filter control offers, with the demo workspace's values. */
export const FILTER_CHOICES: ReadonlyArray<{
  dimension: string;
  label: string;
  values: ReadonlyArray<{ value: string; label: string }>;
}> = [
  {
    dimension: 'team',
    label: 'Team',
    values: ['Team A', 'Team B', 'Team C', 'Team D', 'Team E', 'Team F'].map((value) => ({
      value,
      label: value,
    })),
  },
  {
    dimension: 'segment',
    label: 'Segment',
    values: [
      { value: 'smb', label: 'SMB' },
      { value: 'mid_market', label: 'Mid-market' },
      { value: 'enterprise', label: 'Enterprise' },
    ],
  },
  {
    dimension: 'source',
    label: 'Source',
    values: [
      { value: 'organic_search', label: 'Organic search' },
      { value: 'paid_search', label: 'Paid search' },
      { value: 'referral', label: 'Referral' },
      { value: 'events', label: 'Events' },
      { value: 'outbound', label: 'Outbound' },
      { value: 'partner', label: 'Partner' },
    ],
  },
];

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
