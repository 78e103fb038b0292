/**
 * The dimensions metrics are filtered and split by, written once: each one's key, how
 * people read it, what values it takes (an enum's with their wording), the record whose
 * value it is, and so which metric sources carry it. The db package maps each to SQL, the
 * API's schemas and the web app read this list; adding a dimension is an entry here plus
 * its column in db's metric-dimensions.
 *
 * Values travel as text: channel 'call', automated 'true' / 'false', rep the rep's id
 * ('42'), team 'A'; custom contact properties are the dimensions `properties.<key>`.
 */
import type { MetricSource } from './metric-definition';

/** What a dimension's values are: a fixed list, true/false, a record's id, or free text. */
export const DIMENSION_VALUE_KINDS = ['enum', 'boolean', 'id', 'text'] as const;
export type DimensionValueKind = (typeof DIMENSION_VALUE_KINDS)[number];

/** The record a dimension describes: an activity's channel, a contact's segment, a rep's team. */
export type DimensionRecord =
  | 'activity'
  | 'contact'
  | 'rep'
  | 'deal'
  | 'engagement_event'
  | 'capacity';

/**
 * The sources whose rows reach a record of each kind: their own row, or the rep or
 * contact the row belongs to (an activity's contact, a deal's owner).
 */
export const SOURCES_REACHING: Readonly<Record<DimensionRecord, readonly MetricSource[]>> = {
  activity: ['activities'],
  contact: ['contacts', 'activities', 'deals', 'engagement_events'],
  rep: ['activities', 'contacts', 'deals', 'capacity'],
  deal: ['deals'],
  engagement_event: ['engagement_events'],
  capacity: ['capacity'],
};

/** One value of an enum dimension and how people read it. */
export interface DimensionOption {
  value: string;
  label: string;
}

export interface DimensionSpec<Key extends string = string> {
  key: Key;
  /** How people name it, e.g. "Lifecycle stage". */
  label: string;
  kind: DimensionValueKind;
  /** Every value an enum takes, in its order, with its wording; null for other kinds. */
  values: readonly DimensionOption[] | null;
  /**
   * The record the value belongs to. A source row holds it itself when the record is the
   * row's own, or when the dimension is an id (the row's reference to a rep); otherwise
   * the source reaches it through the rep or contact the row refers to.
   */
  record: DimensionRecord;
  /** The sources that can be filtered and split by it. */
  sources: readonly MetricSource[];
}

function dimension<const Key extends string>(
  key: Key,
  label: string,
  record: DimensionRecord,
  kind: Exclude<DimensionValueKind, 'enum'> | Record<string, string>,
): DimensionSpec<Key> {
  const values =
    typeof kind === 'string'
      ? null
      : Object.entries(kind).map(([value, wording]) => ({ value, label: wording }));
  return {
    key,
    label,
    kind: typeof kind === 'string' ? kind : 'enum',
    values,
    record,
    sources: SOURCES_REACHING[record],
  };
}

/** Every dimension, in the engine's order (the order metrics and the API list them in). */
export const DIMENSIONS = [
  dimension('channel', 'Channel', 'activity', {
    call: 'Call',
    email: 'Email',
    meeting: 'Meeting',
    social: 'Social',
    task: 'Task',
    note: 'Note',
  }),
  dimension('direction', 'Direction', 'activity', { outbound: 'Outbound', inbound: 'Inbound' }),
  dimension('automated', 'Automated', 'activity', 'boolean'),
  dimension('replied', 'Replied', 'activity', 'boolean'),
  dimension('meeting_booked', 'Meeting booked', 'activity', 'boolean'),
  dimension('source_system', 'Source system', 'activity', 'text'),
  dimension('rep', 'Rep', 'rep', 'id'),
  dimension('team', 'Team', 'rep', 'text'),
  dimension('rep_segment', 'Rep segment', 'rep', 'text'),
  dimension('segment', 'Segment', 'contact', {
    smb: 'SMB',
    mid_market: 'Mid-market',
    enterprise: 'Enterprise',
  }),
  dimension('source', 'Source', 'contact', 'text'),
  dimension('lifecycle_stage', 'Lifecycle stage', 'contact', {
    lead: 'Lead',
    contact: 'Contact',
    opportunity: 'Opportunity',
    customer: 'Customer',
    former_customer: 'Former customer',
  }),
  // 'closed' is won or lost, 'open' has no outcome yet; a split shows won, lost and none.
  dimension('outcome', 'Outcome', 'deal', {
    won: 'Won',
    lost: 'Lost',
    closed: 'Closed',
    open: 'Open',
  }),
  dimension('stage', 'Deal stage', 'deal', 'text'),
  dimension('event_type', 'Event type', 'engagement_event', {
    page_view: 'Page view',
    email_open: 'Email open',
    email_click: 'Email click',
    form_submit: 'Form submit',
  }),
  dimension('has_selling_hours', 'Has selling hours', 'capacity', 'boolean'),
] as const;

/** A dimension's key, e.g. 'lifecycle_stage'. */
export type DimensionKey = (typeof DIMENSIONS)[number]['key'];

/** Every dimension key, in the engine's order. */
export const DIMENSION_KEYS: readonly DimensionKey[] = DIMENSIONS.map((d) => d.key);

/** Custom contact properties are the dimensions `properties.<key>`. */
export const CUSTOM_PROPERTY_PREFIX = 'properties.';
/** The placeholder that stands for every custom property dimension in lists. */
export const CUSTOM_PROPERTY_DIMENSIONS = `${CUSTOM_PROPERTY_PREFIX}<key>`;
/** Custom properties belong to the contact, so every source reaching a contact has them. */
export const CUSTOM_PROPERTY_SOURCES: readonly MetricSource[] = SOURCES_REACHING.contact;

/** The dimensions the charts offer to split by (metric page, node panel), in their order. */
export const SPLIT_CHART_DIMENSIONS = [
  'channel',
  'source',
  'segment',
  'lifecycle_stage',
  'team',
] as const satisfies readonly DimensionKey[];

/** The dimensions the tree-wide filter offers, in its order. */
export const TREE_FILTER_DIMENSIONS = [
  'team',
  'segment',
  'source',
] as const satisfies readonly DimensionKey[];

const BY_KEY: ReadonlyMap<string, DimensionSpec<DimensionKey>> = new Map(
  DIMENSIONS.map((d) => [d.key, d]),
);

/**
 * The catalog entry of a dimension (custom properties have none).
 *
 * @example dimensionSpec('segment')?.label // "Segment"
 */
export function dimensionSpec(key: string): DimensionSpec<DimensionKey> | undefined {
  return BY_KEY.get(key);
}

/**
 * How people read a dimension's name: its label, or a custom property's key.
 *
 * @example dimensionLabel('lifecycle_stage') // "Lifecycle stage"
 */
export function dimensionLabel(key: string): string {
  const spec = dimensionSpec(key);
  if (spec) return spec.label;
  return key.startsWith(CUSTOM_PROPERTY_PREFIX) ? key.slice(CUSTOM_PROPERTY_PREFIX.length) : key;
}

/**
 * A fixed value's wording (an enum's option), or undefined where the catalog has none.
 *
 * @example dimensionOptionLabel('segment', 'mid_market') // "Mid-market"
 */
export function dimensionOptionLabel(key: string, value: string): string | undefined {
  return dimensionSpec(key)?.values?.find((option) => option.value === value)?.label;
}
