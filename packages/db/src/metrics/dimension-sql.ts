/**
 * The SQL side of core's dimension catalog: which column implements each dimension, on the
 * row of the record it describes, and how a source reaches that row (its own row, or the
 * reps or contacts table joined). Which sources carry a dimension, the values it takes and
 * the errors for a wrong one are core's (resolveSourceDimension, checkDimensionValue).
 */
import {
  checkDimensionValue,
  type DimensionKey,
  type MetricSource,
  resolveSourceDimension,
} from '@treeline/core';
import { type RawBuilder, sql } from 'kysely';
import {
  type DimensionJoin,
  JOINED_CONTACTS_ALIAS,
  REPS_ALIAS,
  type SourceSchema,
  sourceSchema,
} from './metric-sources';

/** A dimension as one source sees it in SQL. */
export interface SourceDimension {
  name: string;
  /** The table to join first, if any. */
  join: DimensionJoin | null;
  /** The row-level condition `dimension = value`; throws invalid_filter on a bad value. */
  condition(value: string): RawBuilder<unknown>;
  /** The dimension's value of a row, as text (null when the row has none). */
  value: RawBuilder<unknown>;
}

/** Where a dimension's value is, given the alias of the row of its record. */
type DimensionSql =
  | {
      value: (alias: string) => RawBuilder<unknown>;
      /** A condition other than `value = filter value` (e.g. deal outcome 'closed'). */
      condition?: (column: RawBuilder<unknown>, value: string) => RawBuilder<unknown>;
    }
  /** The source row's own reference to its rep (an activity's rep_id, a deal's owner). */
  | 'rep_reference';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
const column = (name: string): DimensionSql => ({ value: (alias) => ref(alias, name) });

/** Every catalog dimension's column: a catalog entry without one does not typecheck. */
const DIMENSION_SQL: Record<DimensionKey, DimensionSql> = {
  channel: column('channel'),
  direction: column('direction'),
  automated: column('automated'),
  replied: column('replied'),
  meeting_booked: column('meeting_booked'),
  source_system: column('source_system'),
  rep: 'rep_reference',
  team: column('team'),
  rep_segment: column('segment'),
  segment: column('segment'),
  source: column('source'),
  lifecycle_stage: column('lifecycle_stage'),
  outcome: {
    value: (alias) => ref(alias, 'outcome'),
    condition: (outcome, value) =>
      value === 'closed'
        ? sql`${outcome} is not null`
        : value === 'open'
          ? sql`${outcome} is null`
          : sql`${outcome} = ${value}`,
  },
  stage: column('stage'),
  event_type: column('type'),
  has_selling_hours: { value: (alias) => sql`(${ref(alias, 'selling_hours')} > 0)` },
};

/** The alias of the row holding a dimension's record for `schema`, and the join it needs. */
function recordRow(
  schema: SourceSchema,
  onRow: boolean,
  record: string,
): { alias: string; join: DimensionJoin | null } {
  if (onRow) return { alias: schema.alias, join: null };
  return record === 'rep'
    ? { alias: REPS_ALIAS, join: 'reps' }
    : { alias: JOINED_CONTACTS_ALIAS, join: 'contacts' };
}

/**
 * The dimension `name` as `source` sees it in SQL; throws core's unknown_dimension when the
 * source lacks it, invalid_filter when a custom property key is not an identifier.
 *
 * @example
 * sourceDimension('activities', 'team').join; // 'reps'
 * sourceDimension('capacity', 'channel'); // throws unknown_dimension
 */
export function sourceDimension(source: MetricSource, name: string): SourceDimension {
  const dimension = resolveSourceDimension(source, name);
  const schema = sourceSchema(source);
  const { alias, join } = recordRow(schema, dimension.onRow, dimension.record);
  if (dimension.propertyKey !== null) {
    // The key travels as a parameter, never spliced into the SQL.
    const value = sql`(${ref(alias, 'properties')} ->> ${dimension.propertyKey})`;
    return {
      name,
      join,
      condition: (filter) => sql`${value} = ${String(checkDimensionValue(dimension, filter))}`,
      value,
    };
  }
  const mapping = DIMENSION_SQL[name as DimensionKey];
  const value = mapping === 'rep_reference' ? schema.repColumn! : mapping.value(alias);
  const custom = mapping === 'rep_reference' ? undefined : mapping.condition;
  return {
    name,
    join,
    condition: (filter) => {
      const checked = checkDimensionValue(dimension, filter);
      if (custom) return custom(value, filter);
      if (dimension.kind === 'id') return sql`${value} = ${checked}::bigint`;
      return sql`${value} = ${checked}`;
    },
    value: sql`(${value})::text`,
  };
}
