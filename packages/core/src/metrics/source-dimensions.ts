/**
 * The dimension catalog as one source sees it: which dimensions a source has, the checks a
 * filter or split must pass (a dimension the source lacks is a
 * DomainError('unknown_dimension'), a value the dimension cannot take or a custom property
 * key that is not an identifier a DomainError('invalid_filter'), each naming the culprit),
 * and whether the source's row holds the value itself or reaches it through a join.
 */
import { DomainError } from '../domain-error';
import {
  CUSTOM_PROPERTY_DIMENSIONS,
  CUSTOM_PROPERTY_PREFIX,
  CUSTOM_PROPERTY_SOURCES,
  DIMENSION_KEYS,
  DIMENSIONS,
  type DimensionRecord,
  type DimensionValueKind,
  dimensionSpec,
} from './dimension-catalog';
import type { MetricSource } from './metric-definition';
import { METRIC_SOURCE_CATALOG, METRIC_SOURCES, metricSourceSpec } from './metric-source-catalog';

/** A custom property key: an identifier, so it can never be mistaken for SQL. */
const PROPERTY_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** A dimension checked against one source. */
export interface SourceDimensionSpec {
  name: string;
  kind: DimensionValueKind;
  /** An enum's values, else null. */
  values: readonly string[] | null;
  record: DimensionRecord;
  /** The key of a custom property (`properties.<key>`), else null. */
  propertyKey: string | null;
  /**
   * True when the source's row holds the value itself (an activity's channel, a deal's
   * owner rep id), false when it comes from the joined rep or contact.
   */
  onRow: boolean;
}

/**
 * Every dimension some source has, in the engine's order; custom properties as
 * CUSTOM_PROPERTY_DIMENSIONS.
 *
 * @example knownDimensions().includes('channel') // true
 */
export function knownDimensions(): string[] {
  return [...DIMENSION_KEYS, CUSTOM_PROPERTY_DIMENSIONS];
}

/**
 * The dimensions a source can be filtered and split by, in the engine's order.
 *
 * @example dimensionsOf('capacity') // ['rep', 'team', 'rep_segment', 'has_selling_hours']
 */
export function dimensionsOf(source: MetricSource): string[] {
  const names = DIMENSIONS.filter((d) => d.sources.includes(source)).map((d) => d.key);
  return CUSTOM_PROPERTY_SOURCES.includes(source) ? [...names, CUSTOM_PROPERTY_DIMENSIONS] : names;
}

/**
 * True when `source` has the dimension `name` (custom property keys are not checked here).
 *
 * @example sourceHasDimension('contacts', 'channel') // false
 */
export function sourceHasDimension(source: MetricSource, name: string): boolean {
  if (name.startsWith(CUSTOM_PROPERTY_PREFIX)) return CUSTOM_PROPERTY_SOURCES.includes(source);
  return dimensionSpec(name)?.sources.includes(source) ?? false;
}

/**
 * True when some source has the dimension `name` (a tree-wide filter on a dimension no
 * source knows is a mistake, not a per-node error).
 *
 * @example isKnownDimension('team') // true
 */
export function isKnownDimension(name: string): boolean {
  return METRIC_SOURCES.some((source) => sourceHasDimension(source, name));
}

/**
 * The dimension `name` as `source` sees it. Throws invalid_metric for an unknown source,
 * unknown_dimension when the source lacks the dimension, invalid_filter when a custom
 * property key is not an identifier.
 *
 * @example
 * resolveSourceDimension('activities', 'team').onRow; // false: the rep's team
 * resolveSourceDimension('capacity', 'channel'); // throws unknown_dimension
 */
export function resolveSourceDimension(source: MetricSource, name: string): SourceDimensionSpec {
  metricSourceSpec(source);
  const own = METRIC_SOURCE_CATALOG[source].record;
  if (name.startsWith(CUSTOM_PROPERTY_PREFIX)) {
    const key = name.slice(CUSTOM_PROPERTY_PREFIX.length);
    if (!CUSTOM_PROPERTY_SOURCES.includes(source)) throw unknownDimension(source, name);
    if (!PROPERTY_KEY.test(key)) {
      throw new DomainError(
        'invalid_filter',
        `custom property "${key}" is not a valid key: use letters, digits and _ (not first)`,
        { dimension: name },
      );
    }
    return {
      name,
      kind: 'text',
      values: null,
      record: 'contact',
      propertyKey: key,
      onRow: own === 'contact',
    };
  }
  const spec = dimensionSpec(name);
  if (!spec?.sources.includes(source)) throw unknownDimension(source, name);
  return {
    name,
    kind: spec.kind,
    values: spec.values?.map((option) => option.value) ?? null,
    record: spec.record,
    propertyKey: null,
    // An id is the row's own reference to the record (an activity's rep_id).
    onRow: spec.record === own || spec.kind === 'id',
  };
}

function invalid(dimension: string, value: string, expected: string): DomainError {
  return new DomainError('invalid_filter', `filter ${dimension}=${value}: expected ${expected}`, {
    dimension,
    value,
  });
}

/**
 * A filter value checked against its dimension: the text itself, or true / false for a
 * boolean. Throws invalid_filter naming dimension, value and what was expected.
 *
 * @example checkDimensionValue(resolveSourceDimension('activities', 'automated'), 'true') // true
 */
export function checkDimensionValue(
  dimension: Pick<SourceDimensionSpec, 'name' | 'kind' | 'values'>,
  value: string,
): string | boolean {
  const name = dimension.name;
  if (typeof value !== 'string') throw invalid(name, String(value), 'a text value');
  switch (dimension.kind) {
    case 'text':
      return value;
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw invalid(name, value, 'true or false');
    case 'id':
      if (/^[0-9]{1,18}$/.test(value)) return value;
      throw invalid(name, value, 'an id (digits)');
    case 'enum':
      if (dimension.values?.includes(value)) return value;
      throw invalid(name, value, `one of ${(dimension.values ?? []).join(', ')}`);
  }
}

function unknownDimension(source: MetricSource, name: string): DomainError {
  const known = dimensionSpec(name) !== undefined || name.startsWith(CUSTOM_PROPERTY_PREFIX);
  const applies = METRIC_SOURCES.filter((s) => sourceHasDimension(s, name));
  return new DomainError(
    'unknown_dimension',
    known
      ? `dimension "${name}" does not apply to ${source} (only to ${applies.join(', ')}); ${source} has ${dimensionsOf(source).join(', ')}`
      : `unknown dimension "${name}"; ${source} has ${dimensionsOf(source).join(', ')}`,
    { dimension: name, source },
  );
}
