/**
 * The dimensions a metric can be filtered and split by (DESIGN.md section 2), per source:
 * the SQL each maps to, the table it needs joined, and the values it accepts. A dimension
 * a source lacks is a DomainError('unknown_dimension'), a value it cannot take a
 * DomainError('invalid_filter'); both name the culprit.
 *
 * Values as filters take them and splits return them are text: channel 'call', automated
 * 'true' / 'false', rep the rep's id ('42'), team 'A', custom properties as `properties.<key>`.
 */
import { DomainError, type MetricSource } from '@treeline/core';
import { type RawBuilder, sql } from 'kysely';
import {
  type DimensionJoin,
  JOINED_CONTACTS_ALIAS,
  REPS_ALIAS,
  SOURCES,
  sourceSchema,
} from './metric-sources';

/** A dimension as one source sees it. */
export interface SourceDimension {
  name: string;
  /** The table to join first, if any. */
  join: DimensionJoin | null;
  /** The row-level condition `dimension = value`; throws invalid_filter on a bad value. */
  condition(value: string): RawBuilder<unknown>;
  /** The dimension's value of a row, as text (null when the row has none). */
  value: RawBuilder<unknown>;
}

export type ValueRule =
  | { kind: 'text' }
  | { kind: 'boolean' }
  | { kind: 'id' }
  | { kind: 'enum'; values: readonly string[] };

interface Access {
  column: RawBuilder<unknown>;
  join: DimensionJoin | null;
  /** A condition other than `column = value` (e.g. deal outcome 'closed'). */
  condition?: (value: string) => RawBuilder<unknown>;
}

interface DimensionRule {
  values: ValueRule;
  on: Partial<Record<MetricSource, Access>>;
}

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

const CHANNELS = ['call', 'email', 'meeting', 'social', 'task', 'note'] as const;
const SEGMENTS = ['smb', 'mid_market', 'enterprise'] as const;
const STAGES = ['lead', 'contact', 'opportunity', 'customer', 'former_customer'] as const;
const EVENT_TYPES = ['page_view', 'email_open', 'email_click', 'form_submit'] as const;

/** Custom properties: `properties.<key>`, the key an identifier. */
const PROPERTY_PREFIX = 'properties.';
const PROPERTY_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const activity = (column: string): Access => ({ column: ref('a', column), join: null });
const rep = (column: string): Access => ({ column: ref(REPS_ALIAS, column), join: 'reps' });

/** Where each source finds a contact's own columns: its own rows, or the joined contact. */
const CONTACT_OF: Partial<Record<MetricSource, Access['join']>> = {
  contacts: null,
  activities: 'contacts',
  deals: 'contacts',
  engagement_events: 'contacts',
};

function contactDimension(column: string): Partial<Record<MetricSource, Access>> {
  const on: Partial<Record<MetricSource, Access>> = {};
  for (const [source, join] of Object.entries(CONTACT_OF) as Array<
    [MetricSource, Access['join']]
  >) {
    on[source] = { column: ref(join ? JOINED_CONTACTS_ALIAS : 'c', column), join };
  }
  return on;
}

function repDimension(column: string): Partial<Record<MetricSource, Access>> {
  return {
    activities: rep(column),
    contacts: rep(column),
    deals: rep(column),
    capacity: rep(column),
  };
}

const DIMENSIONS: Record<string, DimensionRule> = {
  channel: { values: { kind: 'enum', values: CHANNELS }, on: { activities: activity('channel') } },
  direction: {
    values: { kind: 'enum', values: ['outbound', 'inbound'] },
    on: { activities: activity('direction') },
  },
  automated: { values: { kind: 'boolean' }, on: { activities: activity('automated') } },
  replied: { values: { kind: 'boolean' }, on: { activities: activity('replied') } },
  meeting_booked: { values: { kind: 'boolean' }, on: { activities: activity('meeting_booked') } },
  source_system: { values: { kind: 'text' }, on: { activities: activity('source_system') } },
  rep: {
    values: { kind: 'id' },
    on: {
      activities: { column: ref('a', 'rep_id'), join: null },
      contacts: { column: ref('c', 'owner_rep_id'), join: null },
      deals: { column: ref('d', 'owner_rep_id'), join: null },
      capacity: { column: ref('k', 'rep_id'), join: null },
    },
  },
  team: { values: { kind: 'text' }, on: repDimension('team') },
  rep_segment: { values: { kind: 'text' }, on: repDimension('segment') },
  segment: { values: { kind: 'enum', values: SEGMENTS }, on: contactDimension('segment') },
  source: { values: { kind: 'text' }, on: contactDimension('source') },
  lifecycle_stage: {
    values: { kind: 'enum', values: STAGES },
    on: contactDimension('lifecycle_stage'),
  },
  outcome: {
    // 'closed' is won or lost, 'open' has no outcome yet; a split shows won, lost and none.
    values: { kind: 'enum', values: ['won', 'lost', 'closed', 'open'] },
    on: {
      deals: {
        column: ref('d', 'outcome'),
        join: null,
        condition: (value) =>
          value === 'closed'
            ? sql`${ref('d', 'outcome')} is not null`
            : value === 'open'
              ? sql`${ref('d', 'outcome')} is null`
              : sql`${ref('d', 'outcome')} = ${value}`,
      },
    },
  },
  stage: { values: { kind: 'text' }, on: { deals: { column: ref('d', 'stage'), join: null } } },
  event_type: {
    values: { kind: 'enum', values: EVENT_TYPES },
    on: { engagement_events: { column: ref('e', 'type'), join: null } },
  },
  has_selling_hours: {
    values: { kind: 'boolean' },
    on: { capacity: { column: sql`(${ref('k', 'selling_hours')} > 0)`, join: null } },
  },
};

/** The placeholder that stands for every custom property dimension (`properties.<key>`). */
export const PROPERTY_DIMENSIONS = `${PROPERTY_PREFIX}<key>`;

/**
 * Every dimension some source has, in one stable order; custom properties as
 * PROPERTY_DIMENSIONS.
 *
 * @example knownDimensions().includes('channel') // true
 */
export function knownDimensions(): string[] {
  return [...Object.keys(DIMENSIONS), PROPERTY_DIMENSIONS];
}

/**
 * The values each dimension takes, by kind: an enum's own list, 'true'/'false', a rep's id,
 * or free text (custom properties left out: their keys are the workspace's own).
 *
 * @example dimensionValueRules().find((d) => d.name === 'segment')?.values // { kind: 'enum', values: ['smb', …] }
 */
export function dimensionValueRules(): Array<{ name: string; values: ValueRule }> {
  return Object.entries(DIMENSIONS).map(([name, rule]) => ({ name, values: rule.values }));
}

/** The dimensions a source can be filtered and split by. */
export function dimensionsOf(source: MetricSource): string[] {
  const names = Object.entries(DIMENSIONS)
    .filter(([, rule]) => rule.on[source])
    .map(([name]) => name);
  return CONTACT_OF[source] !== undefined ? [...names, PROPERTY_DIMENSIONS] : names;
}

/**
 * True when some source has the dimension `name` (a tree-wide filter on a dimension no
 * source knows is a mistake, not a per-node error).
 *
 * @example isKnownDimension('team') // true
 */
export function isKnownDimension(name: string): boolean {
  return (Object.keys(SOURCES) as MetricSource[]).some((source) =>
    sourceHasDimension(source, name),
  );
}

/** True when `source` has the dimension `name` (custom property keys are not checked here). */
export function sourceHasDimension(source: MetricSource, name: string): boolean {
  if (name.startsWith(PROPERTY_PREFIX)) return CONTACT_OF[source] !== undefined;
  return Object.hasOwn(DIMENSIONS, name) && DIMENSIONS[name]!.on[source] !== undefined;
}

function invalid(dimension: string, value: string, expected: string): DomainError {
  return new DomainError('invalid_filter', `filter ${dimension}=${value}: expected ${expected}`, {
    dimension,
    value,
  });
}

function checkedValue(dimension: string, rule: ValueRule, value: string): string | boolean {
  if (typeof value !== 'string') throw invalid(dimension, String(value), 'a text value');
  switch (rule.kind) {
    case 'text':
      return value;
    case 'boolean':
      if (value === 'true') return true;
      if (value === 'false') return false;
      throw invalid(dimension, value, 'true or false');
    case 'id':
      if (/^[0-9]{1,18}$/.test(value)) return value;
      throw invalid(dimension, value, 'an id (digits)');
    case 'enum':
      if (rule.values.includes(value)) return value;
      throw invalid(dimension, value, `one of ${rule.values.join(', ')}`);
  }
}

/**
 * The dimension `name` as `source` sees it; throws unknown_dimension when the source lacks
 * it, invalid_filter when a custom property key is not an identifier.
 *
 * @example
 * sourceDimension('activities', 'team').join; // 'reps'
 * sourceDimension('capacity', 'channel'); // throws unknown_dimension
 */
export function sourceDimension(source: MetricSource, name: string): SourceDimension {
  sourceSchema(source);
  if (name.startsWith(PROPERTY_PREFIX)) {
    const key = name.slice(PROPERTY_PREFIX.length);
    const join = CONTACT_OF[source];
    if (join === undefined) throw unknownDimension(source, name);
    if (!PROPERTY_KEY.test(key)) {
      throw new DomainError(
        'invalid_filter',
        `custom property "${key}" is not a valid key: use letters, digits and _ (not first)`,
        { dimension: name },
      );
    }
    // The key travels as a parameter, never spliced into the SQL.
    const column = sql`(${ref(join ? JOINED_CONTACTS_ALIAS : 'c', 'properties')} ->> ${key})`;
    return {
      name,
      join,
      condition: (value) => sql`${column} = ${String(checkedValue(name, { kind: 'text' }, value))}`,
      value: column,
    };
  }
  const rule = Object.hasOwn(DIMENSIONS, name) ? DIMENSIONS[name] : undefined;
  const access = rule?.on[source];
  if (!rule || !access) throw unknownDimension(source, name);
  return {
    name,
    join: access.join,
    condition: (value) => {
      const checked = checkedValue(name, rule.values, value);
      if (access.condition) return access.condition(value);
      if (rule.values.kind === 'id') return sql`${access.column} = ${checked}::bigint`;
      return sql`${access.column} = ${checked}`;
    },
    value: sql`(${access.column})::text`,
  };
}

function unknownDimension(source: MetricSource, name: string): DomainError {
  const known = Object.hasOwn(DIMENSIONS, name) || name.startsWith(PROPERTY_PREFIX);
  const applies = Object.keys(SOURCES).filter((s) => sourceHasDimension(s as MetricSource, name));
  return new DomainError(
    'unknown_dimension',
    known
      ? `dimension "${name}" does not apply to ${source} (only to ${applies.join(', ')}); ${source} has ${dimensionsOf(source).join(', ')}`
      : `unknown dimension "${name}"; ${source} has ${dimensionsOf(source).join(', ')}`,
    { dimension: name, source },
  );
}
