// The fields each import entity accepts, with their types and rules: the vocabulary of mappings and of the web mapping editor.

import type { ImportEntity } from './import-entity';

/** How a field's value is written and checked. */
export type ImportFieldType =
  | 'text'
  | 'instant'
  | 'day'
  | 'enum'
  | 'boolean'
  | 'decimal'
  | 'json-properties';

/** One field of an import entity. */
export interface ImportFieldSpec {
  /** Our camelCase field name (the key in normalized rows and in API records). */
  name: string;
  label: string;
  type: ImportFieldType;
  /** A required field must get a value from every row (or from a constant/default). */
  required: boolean;
  description: string;
  /** Accepted values of an enum field. */
  values?: readonly string[];
  /** The value used when the source gives none (booleans false, direction outbound, ...). */
  defaultValue?: string | boolean;
  /** Bounds of a decimal field, inclusive. */
  min?: number;
  max?: number;
  /** Longest accepted text, in characters. */
  maxLength?: number;
}

const ID_MAX = 255;
const TEXT_MAX = 1000;

const externalId = (what: string): ImportFieldSpec => ({
  name: 'externalId',
  label: 'External id',
  type: 'text',
  required: true,
  maxLength: ID_MAX,
  description: `The ${what}'s id in the source system; re-importing the same id updates the record instead of adding one.`,
});

const deletedAt: ImportFieldSpec = {
  name: 'deletedAt',
  label: 'Deleted at',
  type: 'instant',
  required: false,
  description:
    'When the record was deleted in the source system; deleted records are kept but never counted.',
};

const hours = (name: string, label: string, required: boolean, description: string) =>
  ({
    name,
    label,
    type: 'decimal',
    required,
    min: 0,
    max: 24,
    description,
  }) satisfies ImportFieldSpec;

/**
 * The fields of every import entity, in display order.
 *
 * @example
 * IMPORT_FIELDS.activities.find((f) => f.name === 'channel')?.values;
 * // ['call', 'email', 'meeting', 'social', 'task', 'note']
 */
export const IMPORT_FIELDS: Record<ImportEntity, ImportFieldSpec[]> = {
  contacts: [
    externalId('contact'),
    {
      name: 'createdAt',
      label: 'Created at',
      type: 'instant',
      required: true,
      description: 'When the contact (or lead) was created in the source system.',
    },
    {
      name: 'qualifiedAt',
      label: 'Qualified at',
      type: 'instant',
      required: false,
      description: 'When the lead became a contact (qualified); empty while it is still a lead.',
    },
    {
      name: 'customerAt',
      label: 'Became customer at',
      type: 'instant',
      required: false,
      description: 'When the contact became a customer.',
    },
    {
      name: 'lifecycleStage',
      label: 'Lifecycle stage',
      type: 'enum',
      required: true,
      values: ['lead', 'contact', 'opportunity', 'customer', 'former_customer'],
      description: 'Where the contact is in the funnel now.',
    },
    {
      name: 'source',
      label: 'Source',
      type: 'text',
      required: false,
      maxLength: TEXT_MAX,
      description: 'Original source (e.g. Organic Search, Paid Social, Referrals).',
    },
    {
      name: 'segment',
      label: 'Segment',
      type: 'enum',
      required: false,
      values: ['smb', 'mid_market', 'enterprise'],
      description: 'Customer segment.',
    },
    {
      name: 'ownerRepExternalId',
      label: 'Owner rep',
      type: 'text',
      required: false,
      maxLength: ID_MAX,
      description: "External id of the rep who owns the contact (matches a rep's external id).",
    },
    {
      name: 'account',
      label: 'Account',
      type: 'text',
      required: false,
      maxLength: TEXT_MAX,
      description: 'The company or account the contact belongs to (id or name).',
    },
    {
      name: 'properties',
      label: 'Custom properties',
      type: 'json-properties',
      required: false,
      description:
        'Other columns kept as custom properties, usable as filters and scoring attributes.',
    },
    deletedAt,
  ],
  activities: [
    externalId('activity'),
    {
      name: 'sourceSystem',
      label: 'Source system',
      type: 'text',
      required: false,
      defaultValue: 'csv',
      maxLength: 100,
      description:
        'Which system logged the activity (hubspot, salesforce, ...); the same touch synced from two systems is a duplicate.',
    },
    {
      name: 'contactExternalId',
      label: 'Contact',
      type: 'text',
      required: false,
      maxLength: ID_MAX,
      description:
        'External id of the contact touched; activities with no contact are never counted.',
    },
    {
      name: 'repExternalId',
      label: 'Rep',
      type: 'text',
      required: false,
      maxLength: ID_MAX,
      description: 'External id of the rep who did the activity.',
    },
    {
      name: 'channel',
      label: 'Channel',
      type: 'enum',
      required: true,
      values: ['call', 'email', 'meeting', 'social', 'task', 'note'],
      description: 'Kind of touch; notes are internal and never counted.',
    },
    {
      name: 'occurredAt',
      label: 'Occurred at',
      type: 'instant',
      required: true,
      description: 'When the activity happened.',
    },
    {
      name: 'direction',
      label: 'Direction',
      type: 'enum',
      required: false,
      values: ['outbound', 'inbound'],
      defaultValue: 'outbound',
      description: 'Outbound (rep to contact) or inbound; outbound when not given.',
    },
    {
      name: 'automated',
      label: 'Automated',
      type: 'boolean',
      required: false,
      defaultValue: false,
      description: 'Sent by a sequence or cadence rather than by hand.',
    },
    {
      name: 'systemGenerated',
      label: 'System generated',
      type: 'boolean',
      required: false,
      defaultValue: false,
      description: 'Logged by the system itself (not a touch); never counted.',
    },
    {
      name: 'replied',
      label: 'Replied',
      type: 'boolean',
      required: false,
      defaultValue: false,
      description: 'The contact replied to this touch.',
    },
    {
      name: 'meetingBooked',
      label: 'Meeting booked',
      type: 'boolean',
      required: false,
      defaultValue: false,
      description: 'This touch booked a meeting.',
    },
    deletedAt,
  ],
  deals: [
    externalId('deal'),
    {
      name: 'contactExternalId',
      label: 'Contact',
      type: 'text',
      required: false,
      maxLength: ID_MAX,
      description: 'External id of the primary contact.',
    },
    {
      name: 'account',
      label: 'Account',
      type: 'text',
      required: false,
      maxLength: TEXT_MAX,
      description: 'The company or account of the deal (id or name).',
    },
    {
      name: 'ownerRepExternalId',
      label: 'Owner rep',
      type: 'text',
      required: false,
      maxLength: ID_MAX,
      description: 'External id of the rep who owns the deal.',
    },
    {
      name: 'createdAt',
      label: 'Created at',
      type: 'instant',
      required: true,
      description: 'When the deal was created.',
    },
    {
      name: 'closedAt',
      label: 'Closed at',
      type: 'instant',
      required: false,
      description: 'When the deal was won or lost; empty while open.',
    },
    {
      name: 'stage',
      label: 'Stage',
      type: 'text',
      required: true,
      maxLength: TEXT_MAX,
      description: 'The pipeline stage as the source system names it.',
    },
    {
      name: 'outcome',
      label: 'Outcome',
      type: 'enum',
      required: false,
      values: ['won', 'lost'],
      description: 'Won or lost; empty while open.',
    },
    {
      name: 'amount',
      label: 'Amount',
      type: 'decimal',
      required: false,
      description: 'Deal value as a decimal number (no currency symbol or thousands separators).',
    },
    deletedAt,
  ],
  reps: [
    externalId('rep'),
    {
      name: 'name',
      label: 'Name',
      type: 'text',
      required: true,
      maxLength: TEXT_MAX,
      description: "The rep's display name.",
    },
    {
      name: 'team',
      label: 'Team',
      type: 'text',
      required: false,
      maxLength: TEXT_MAX,
      description: 'Team, a dimension of every activity metric.',
    },
    {
      name: 'segment',
      label: 'Segment',
      type: 'text',
      required: false,
      maxLength: TEXT_MAX,
      description: 'The segment the rep sells to.',
    },
    {
      name: 'activeFrom',
      label: 'Active from',
      type: 'day',
      required: false,
      description: 'First day the rep sells (local day).',
    },
    {
      name: 'activeTo',
      label: 'Active to',
      type: 'day',
      required: false,
      description: 'Last day the rep sells (local day); empty while active.',
    },
    hours(
      'defaultSellingHours',
      'Default selling hours',
      false,
      'Selling hours on a day with no capacity row.',
    ),
    hours(
      'defaultAdminHours',
      'Default admin hours',
      false,
      'Admin hours on a day with no capacity row.',
    ),
  ],
  capacity: [
    {
      name: 'repExternalId',
      label: 'Rep',
      type: 'text',
      required: true,
      maxLength: ID_MAX,
      description: 'External id of the rep.',
    },
    {
      name: 'day',
      label: 'Day',
      type: 'day',
      required: true,
      description: 'The local calendar day.',
    },
    hours('sellingHours', 'Selling hours', true, 'Hours spent selling that day (0 to 24).'),
    {
      ...hours('adminHours', 'Admin hours', false, 'Hours spent on admin that day (0 to 24).'),
      defaultValue: '0',
    },
  ],
  events: [
    externalId('event'),
    {
      name: 'contactExternalId',
      label: 'Contact',
      type: 'text',
      required: true,
      maxLength: ID_MAX,
      description: 'External id of the contact who engaged.',
    },
    {
      name: 'type',
      label: 'Event type',
      type: 'enum',
      required: true,
      values: ['page_view', 'email_open', 'email_click', 'form_submit'],
      description: 'What the contact did.',
    },
    {
      name: 'occurredAt',
      label: 'Occurred at',
      type: 'instant',
      required: true,
      description: 'When it happened.',
    },
    {
      name: 'properties',
      label: 'Properties',
      type: 'json-properties',
      required: false,
      description: 'Event details (page URL, form name, ...), usable by scoring rules.',
    },
  ],
};

/**
 * The spec of one field of an entity, or undefined when the entity has no such field.
 *
 * @example
 * importFieldSpec('capacity', 'sellingHours')?.max; // 24
 */
export function importFieldSpec(entity: ImportEntity, name: string): ImportFieldSpec | undefined {
  return IMPORT_FIELDS[entity].find((spec) => spec.name === name);
}
