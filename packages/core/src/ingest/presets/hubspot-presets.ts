// Column mappings for HubSpot CRM exports (contacts, activities, deals), keyed by the export's column labels.
//
// Choices worth knowing (HubSpot exports use property labels as headers and write date-times as
// "YYYY-MM-DD HH:mm" in the account's time zone, so the presets leave the zone to the workspace):
// - Lifecycle: Subscriber, Lead and Marketing Qualified Lead are our 'lead'; Sales Qualified Lead is
//   the first 'contact' stage (sales accepted it); Evangelist is a 'customer'; "Other" is a 'contact'
//   (a known person outside the funnel); an empty stage is a 'lead'.
// - qualifiedAt is the first of Became a Sales Qualified Lead / Opportunity / Customer Date, so a
//   contact who skipped SQL still gets qualified when it reached a later stage.
// - Original Source keeps HubSpot's labels; the internal values of API-built files are translated
//   to the same labels so both kinds of file group together.
// - Segment comes from the contact's Number of Employees bands: up to 100 is SMB, 100–1000 mid-market,
//   1000+ enterprise. Names and emails are not imported (no personal data beyond what metrics need).
// - Activities: notes are channel 'note' (internal, never counted); incoming emails and inbound calls
//   are inbound; an email with an associated sequence is automated; LinkedIn, SMS and WhatsApp messages
//   are 'social'; postal mail is a 'task'. HubSpot exports owners by name, so reps must use the
//   owner's name (or the column is remapped) as their external id.
// - Deals: outcome and closedAt come from the Closed Won / Closed Lost stages of the default pipeline
//   (the Close Date of an open deal is only a forecast, so it is dropped); other pipelines need their
//   closed stages added to the value map.

import type { ImportPreset } from '../import-preset';

const LIFECYCLE_STAGES = {
  Subscriber: 'lead',
  Lead: 'lead',
  'Marketing Qualified Lead': 'lead',
  'Sales Qualified Lead': 'contact',
  Opportunity: 'opportunity',
  Customer: 'customer',
  Evangelist: 'customer',
  Other: 'contact',
  'Former Customer': 'former_customer',
  // Internal values, as in files built from the API.
  marketingqualifiedlead: 'lead',
  salesqualifiedlead: 'contact',
  former_customer: 'former_customer',
} as const;

const ORIGINAL_SOURCES = {
  ORGANIC_SEARCH: 'Organic Search',
  PAID_SEARCH: 'Paid Search',
  EMAIL_MARKETING: 'Email Marketing',
  SOCIAL_MEDIA: 'Organic Social',
  REFERRALS: 'Referrals',
  OTHER_CAMPAIGNS: 'Other Campaigns',
  DIRECT_TRAFFIC: 'Direct Traffic',
  OFFLINE: 'Offline Sources',
  PAID_SOCIAL: 'Paid Social',
  AI_REFERRALS: 'AI Referrals',
} as const;

const EMPLOYEE_BANDS = {
  '1-5': 'smb',
  '5-25': 'smb',
  '25-50': 'smb',
  '50-100': 'smb',
  '100-500': 'mid_market',
  '500-1000': 'mid_market',
  '1000+': 'enterprise',
  '*': null,
} as const;

const ACTIVITY_TYPES = {
  Call: 'call',
  Email: 'email',
  'Incoming email': 'email',
  'Forwarded email': 'email',
  Meeting: 'meeting',
  Note: 'note',
  Task: 'task',
  'LinkedIn message': 'social',
  SMS: 'social',
  WhatsApp: 'social',
  'Postal mail': 'task',
  INCOMING_EMAIL: 'email',
  FORWARDED_EMAIL: 'email',
  LINKEDIN_MESSAGE: 'social',
  WHATS_APP: 'social',
  POSTAL_MAIL: 'task',
} as const;

const CLOSED_STAGES = ['Closed Won', 'Closed Lost', 'closedwon', 'closedlost'];

export const HUBSPOT_CONTACTS_PRESET: ImportPreset = {
  key: 'hubspot-contacts',
  label: 'HubSpot contacts export',
  system: 'hubspot',
  entity: 'contacts',
  description:
    'Contacts exported from HubSpot (Contacts > Export, all properties or a view): Record ID, Create Date, Lifecycle Stage, Original Source and the Became a ... Date columns.',
  mapping: {
    version: 1,
    entity: 'contacts',
    fields: {
      externalId: { columns: ['Record ID', 'Contact ID'] },
      createdAt: { column: 'Create Date' },
      qualifiedAt: {
        columns: [
          'Became a Sales Qualified Lead Date',
          'Became an Opportunity Date',
          'Became a Customer Date',
        ],
      },
      customerAt: { column: 'Became a Customer Date' },
      lifecycleStage: { column: 'Lifecycle Stage', values: LIFECYCLE_STAGES, default: 'lead' },
      source: { column: 'Original Source', values: ORIGINAL_SOURCES },
      segment: { column: 'Number of Employees', values: EMPLOYEE_BANDS },
      ownerRepExternalId: { column: 'Contact owner' },
      account: { columns: ['Associated Company', 'Company Name'] },
    },
    properties: [
      'Lead Status',
      'Original Source Drill-Down 1',
      'Original Source Drill-Down 2',
      'Industry',
      'Job Title',
      'Country/Region',
      'Number of Employees',
    ],
  },
  recognizedColumns: [
    'Record ID',
    'First Name',
    'Last Name',
    'Email',
    'Phone Number',
    'Contact owner',
    'Lead Status',
    'Lifecycle Stage',
    'Create Date',
    'Last Activity Date',
    'Original Source',
    'Original Source Drill-Down 1',
    'Became a Lead Date',
    'Became a Marketing Qualified Lead Date',
    'Became a Sales Qualified Lead Date',
    'Became an Opportunity Date',
    'Became a Customer Date',
    'Associated Company',
    'Number of Employees',
  ],
};

export const HUBSPOT_ACTIVITIES_PRESET: ImportPreset = {
  key: 'hubspot-activities',
  label: 'HubSpot activities export',
  system: 'hubspot',
  entity: 'activities',
  description:
    'Calls, emails, meetings, notes and tasks exported from HubSpot (an activities report or the activities index): Record ID, Activity type, Activity date, Activity assigned to and the associated contact IDs.',
  mapping: {
    version: 1,
    entity: 'activities',
    fields: {
      externalId: { columns: ['Record ID', 'Activity ID'] },
      sourceSystem: { constant: 'hubspot' },
      contactExternalId: { column: 'Associated Contact IDs', split: ';' },
      repExternalId: { column: 'Activity assigned to' },
      channel: { column: 'Activity type', values: ACTIVITY_TYPES },
      occurredAt: { column: 'Activity date' },
      direction: {
        cases: [
          {
            when: { column: 'Activity type', in: ['Incoming email', 'INCOMING_EMAIL'] },
            value: 'inbound',
          },
          { when: { column: 'Call direction', in: ['Inbound', 'INBOUND'] }, value: 'inbound' },
        ],
        default: 'outbound',
      },
      automated: {
        cases: [
          { when: { column: 'Associated Sequence', present: true }, value: true },
          { when: { column: 'Sequence ID', present: true }, value: true },
        ],
        default: false,
      },
    },
  },
  recognizedColumns: [
    'Record ID',
    'Activity type',
    'Activity date',
    'Activity assigned to',
    'Call direction',
    'Call outcome',
    'Meeting outcome',
    'Associated Contact IDs',
    'Associated Contact',
    'Associated Company',
    'Associated Sequence',
    'Subject',
    'Body preview',
  ],
};

export const HUBSPOT_DEALS_PRESET: ImportPreset = {
  key: 'hubspot-deals',
  label: 'HubSpot deals export',
  system: 'hubspot',
  entity: 'deals',
  description:
    'Deals exported from HubSpot: Record ID, Deal Name, Deal Stage, Pipeline, Amount, Close Date, Create Date, Deal owner and associations.',
  mapping: {
    version: 1,
    entity: 'deals',
    fields: {
      externalId: { columns: ['Record ID', 'Deal ID'] },
      contactExternalId: { column: 'Associated Contact IDs', split: ';' },
      account: { columns: ['Associated Company IDs', 'Associated Company'], split: ';' },
      ownerRepExternalId: { column: 'Deal owner' },
      createdAt: { column: 'Create Date' },
      closedAt: {
        cases: [{ when: { column: 'Deal Stage', in: CLOSED_STAGES }, column: 'Close Date' }],
      },
      stage: { column: 'Deal Stage' },
      outcome: {
        column: 'Deal Stage',
        values: {
          'Closed Won': 'won',
          closedwon: 'won',
          'Closed Lost': 'lost',
          closedlost: 'lost',
          '*': null,
        },
      },
      amount: { column: 'Amount' },
    },
  },
  recognizedColumns: [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Pipeline',
    'Amount',
    'Close Date',
    'Create Date',
    'Deal owner',
    'Deal Type',
    'Associated Contact IDs',
    'Associated Company',
    'Last Activity Date',
  ],
};
