// Column mappings for Salesforce object exports (Data Loader, Workbench, the weekly Data Export), keyed by field API names.
//
// Choices worth knowing (headers are API names, matched case-insensitively because Data Loader
// writes them in upper case; date-times are UTC with Z; booleans are true/false or 1/0):
// - Deleted rows (IsDeleted true, as in "Export All") keep a deletedAt: SystemModstamp, else
//   LastModifiedDate, else CreatedDate, so the row is excluded rather than silently revived.
// - Lead → contact with lifecycle 'lead'; ConvertedDate is qualifiedAt (the day it became a Contact,
//   at local midnight: Salesforce stores only the date). A converted lead is superseded by its
//   Contact (imported from the Contact export), so it is stored as deleted at ConvertedDate and
//   the person is counted once (docs/decisions/0017-converted-salesforce-leads.md); it keeps
//   ConvertedContactId in properties for tracing.
// - Contact → lifecycle 'contact', qualified when created (a Salesforce Contact exists only once
//   qualified, by conversion or by hand).
// - Task: an open task (Status not Completed) is a to-do, channel 'task', whatever its subtype. A
//   completed one is a call for TaskSubtype Call (or Type Call), an email for Email/ListEmail (or
//   Type Email), 'social' for LinkedIn, a meeting for Type Meeting, else a 'task'. ListEmail (mass
//   email) and emails whose subject starts "Mass Email:" are automated, as are emails sent by a
//   Sales Engagement cadence step (ActionCadenceStepTrackerId). Occurred at is CompletedDateTime,
//   else ActivityDate (the date the rep logged, local midnight), else CreatedDate. CallType
//   Inbound is inbound; everything else outbound.
// - Event → a meeting (Type Call/Email events keep those channels), at StartDateTime (ActivityDateTime,
//   ActivityDate for all-day events). An event is the meeting itself, not a touch that booked one, so
//   meetingBooked stays false.
// - Opportunity: outcome is won when IsClosed and IsWon, lost when IsClosed and not IsWon, open
//   otherwise; closedAt is the CloseDate of closed opportunities only (it is a forecast while open).
// - User → rep: Department is the team, Division the segment; activeFrom is the day the user was
//   created; an inactive user's LastModifiedDate approximates the day they left (Salesforce keeps no
//   deactivation date).

import type { FieldMapping } from '../column-mapping';
import type { ImportPreset } from '../import-preset';

const TRUE = ['true', '1'];
const FALSE = ['false', '0'];

const deletedAt: FieldMapping = {
  cases: [
    {
      when: { column: 'IsDeleted', in: TRUE },
      columns: ['SystemModstamp', 'LastModifiedDate', 'CreatedDate'],
    },
  ],
};

/**
 * A record's owner as a rep. Leads and cases may be owned by a queue (ids starting 00G),
 * which is no seller: such a record has no owner rep rather than a broken reference.
 */
const recordOwner: FieldMapping = {
  cases: [{ when: { column: 'OwnerId', startsWith: ['00G'] }, value: null }],
  column: 'OwnerId',
};

/** Deleted like any record, and superseded by its Contact once converted. */
const leadDeletedAt: FieldMapping = {
  cases: [
    ...(deletedAt.cases ?? []),
    { when: { column: 'IsConverted', in: TRUE }, column: 'ConvertedDate' },
  ],
};

const SYSTEM_COLUMNS = [
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'SystemModstamp',
];

export const SALESFORCE_CONTACTS_PRESET: ImportPreset = {
  key: 'salesforce-contacts',
  label: 'Salesforce Contact export',
  system: 'salesforce',
  entity: 'contacts',
  description:
    'Contact records exported with Data Loader, Workbench or the weekly Data Export: Id, AccountId, OwnerId, LeadSource, CreatedDate, IsDeleted.',
  mapping: {
    version: 1,
    entity: 'contacts',
    fields: {
      externalId: { column: 'Id' },
      createdAt: { column: 'CreatedDate' },
      qualifiedAt: { column: 'CreatedDate' },
      lifecycleStage: { constant: 'contact' },
      source: { column: 'LeadSource' },
      ownerRepExternalId: recordOwner,
      account: { column: 'AccountId' },
      deletedAt,
    },
    properties: ['Title', 'Department', 'MailingCountry'],
  },
  recognizedColumns: [
    ...SYSTEM_COLUMNS,
    'AccountId',
    'FirstName',
    'LastName',
    'Email',
    'Title',
    'Department',
    'LeadSource',
    'OwnerId',
    'MailingCountry',
    'ReportsToId',
  ],
};

export const SALESFORCE_LEADS_PRESET: ImportPreset = {
  key: 'salesforce-leads',
  label: 'Salesforce Lead export',
  system: 'salesforce',
  entity: 'contacts',
  description:
    'Lead records as contacts in the lead stage: Id, Company, Status, LeadSource, OwnerId, CreatedDate, IsConverted, ConvertedDate, ConvertedContactId, IsDeleted.',
  mapping: {
    version: 1,
    entity: 'contacts',
    fields: {
      externalId: { column: 'Id' },
      createdAt: { column: 'CreatedDate' },
      qualifiedAt: {
        cases: [{ when: { column: 'IsConverted', in: TRUE }, column: 'ConvertedDate' }],
      },
      lifecycleStage: { constant: 'lead' },
      source: { column: 'LeadSource' },
      ownerRepExternalId: recordOwner,
      account: { columns: ['ConvertedAccountId', 'Company'] },
      deletedAt: leadDeletedAt,
    },
    properties: [
      { column: 'Status', key: 'leadStatus' },
      'Industry',
      'Rating',
      { column: 'NumberOfEmployees', type: 'number' },
      { column: 'ConvertedContactId', key: 'convertedContactId' },
      { column: 'ConvertedOpportunityId', key: 'convertedOpportunityId' },
    ],
  },
  recognizedColumns: [
    ...SYSTEM_COLUMNS,
    'FirstName',
    'LastName',
    'Company',
    'Email',
    'Status',
    'LeadSource',
    'OwnerId',
    'IsConverted',
    'ConvertedDate',
    'ConvertedContactId',
    'ConvertedAccountId',
    'ConvertedOpportunityId',
    'Industry',
    'Rating',
    'NumberOfEmployees',
  ],
};

export const SALESFORCE_TASKS_PRESET: ImportPreset = {
  key: 'salesforce-tasks',
  label: 'Salesforce Task export',
  system: 'salesforce',
  entity: 'activities',
  description:
    'Task records (logged calls, emails, to-dos): Id, WhoId, OwnerId, Subject, Status, TaskSubtype, Type, CallType, ActivityDate, CompletedDateTime, IsDeleted.',
  mapping: {
    version: 1,
    entity: 'activities',
    fields: {
      externalId: { column: 'Id' },
      sourceSystem: { constant: 'salesforce' },
      contactExternalId: { column: 'WhoId' },
      repExternalId: { column: 'OwnerId' },
      channel: {
        cases: [
          {
            when: {
              column: 'Status',
              in: ['Not Started', 'In Progress', 'Waiting on someone else', 'Deferred'],
            },
            value: 'task',
          },
          { when: { column: 'TaskSubtype', in: ['Call'] }, value: 'call' },
          { when: { column: 'TaskSubtype', in: ['Email', 'ListEmail'] }, value: 'email' },
          { when: { column: 'TaskSubtype', in: ['LinkedIn'] }, value: 'social' },
          { when: { column: 'Type', in: ['Call'] }, value: 'call' },
          { when: { column: 'Type', in: ['Email'] }, value: 'email' },
          { when: { column: 'Type', in: ['Meeting'] }, value: 'meeting' },
        ],
        default: 'task',
      },
      occurredAt: { columns: ['CompletedDateTime', 'ActivityDate', 'CreatedDate'] },
      direction: {
        cases: [{ when: { column: 'CallType', in: ['Inbound'] }, value: 'inbound' }],
        default: 'outbound',
      },
      automated: {
        cases: [
          { when: { column: 'TaskSubtype', in: ['ListEmail'] }, value: true },
          {
            when: [
              { column: 'TaskSubtype', in: ['Email'] },
              { column: 'Subject', startsWith: ['Mass Email:'] },
            ],
            value: true,
          },
          {
            when: [
              { column: 'TaskSubtype', in: ['Email'] },
              { column: 'ActionCadenceStepTrackerId', present: true },
            ],
            value: true,
          },
        ],
        default: false,
      },
      deletedAt,
    },
  },
  recognizedColumns: [
    ...SYSTEM_COLUMNS,
    'WhoId',
    'WhatId',
    'OwnerId',
    'Subject',
    'ActivityDate',
    'Status',
    'Priority',
    'TaskSubtype',
    'Type',
    'CallType',
    'CallDurationInSeconds',
    'CallDisposition',
    'CompletedDateTime',
    'IsClosed',
    'AccountId',
  ],
};

export const SALESFORCE_EVENTS_PRESET: ImportPreset = {
  key: 'salesforce-events',
  label: 'Salesforce Event export',
  system: 'salesforce',
  entity: 'activities',
  description:
    'Event records (meetings on the calendar): Id, WhoId, OwnerId, Subject, Type, StartDateTime, EndDateTime, ActivityDateTime, IsAllDayEvent, IsDeleted.',
  mapping: {
    version: 1,
    entity: 'activities',
    fields: {
      externalId: { column: 'Id' },
      sourceSystem: { constant: 'salesforce' },
      contactExternalId: { column: 'WhoId' },
      repExternalId: { column: 'OwnerId' },
      channel: {
        column: 'Type',
        values: { Call: 'call', Email: 'email', '*': 'meeting' },
        default: 'meeting',
      },
      occurredAt: { columns: ['StartDateTime', 'ActivityDateTime', 'ActivityDate'] },
      deletedAt,
    },
  },
  recognizedColumns: [
    ...SYSTEM_COLUMNS,
    'WhoId',
    'WhatId',
    'OwnerId',
    'Subject',
    'Location',
    'Type',
    'EventSubtype',
    'StartDateTime',
    'EndDateTime',
    'ActivityDateTime',
    'ActivityDate',
    'DurationInMinutes',
    'IsAllDayEvent',
    'ShowAs',
  ],
};

export const SALESFORCE_OPPORTUNITIES_PRESET: ImportPreset = {
  key: 'salesforce-opportunities',
  label: 'Salesforce Opportunity export',
  system: 'salesforce',
  entity: 'deals',
  description:
    'Opportunity records: Id, AccountId, ContactId, OwnerId, StageName, Amount, CloseDate, IsClosed, IsWon, CreatedDate, IsDeleted.',
  mapping: {
    version: 1,
    entity: 'deals',
    fields: {
      externalId: { column: 'Id' },
      contactExternalId: { column: 'ContactId' },
      account: { column: 'AccountId' },
      ownerRepExternalId: recordOwner,
      createdAt: { column: 'CreatedDate' },
      closedAt: { cases: [{ when: { column: 'IsClosed', in: TRUE }, column: 'CloseDate' }] },
      stage: { column: 'StageName' },
      outcome: {
        cases: [
          {
            when: [
              { column: 'IsClosed', in: TRUE },
              { column: 'IsWon', in: TRUE },
            ],
            value: 'won',
          },
          {
            when: [
              { column: 'IsClosed', in: TRUE },
              { column: 'IsWon', in: FALSE },
            ],
            value: 'lost',
          },
        ],
      },
      amount: { column: 'Amount' },
      deletedAt,
    },
  },
  recognizedColumns: [
    ...SYSTEM_COLUMNS,
    'AccountId',
    'ContactId',
    'Name',
    'StageName',
    'Amount',
    'Probability',
    'CloseDate',
    'Type',
    'LeadSource',
    'IsClosed',
    'IsWon',
    'ForecastCategoryName',
    'OwnerId',
  ],
};

export const SALESFORCE_USERS_PRESET: ImportPreset = {
  key: 'salesforce-users',
  label: 'Salesforce User export (reps)',
  system: 'salesforce',
  entity: 'reps',
  description:
    'User records as reps: Id, Name, Username, Department, Division, IsActive, CreatedDate, LastModifiedDate.',
  mapping: {
    version: 1,
    entity: 'reps',
    fields: {
      externalId: { column: 'Id' },
      name: { columns: ['Name', 'Username'] },
      team: { column: 'Department' },
      segment: { column: 'Division' },
      activeFrom: { column: 'CreatedDate' },
      activeTo: {
        cases: [{ when: { column: 'IsActive', in: FALSE }, column: 'LastModifiedDate' }],
      },
    },
  },
  recognizedColumns: [
    'Id',
    'Username',
    'FirstName',
    'LastName',
    'Name',
    'Email',
    'Alias',
    'IsActive',
    'UserRoleId',
    'ProfileId',
    'UserType',
    'Department',
    'Division',
    'Title',
    'ManagerId',
    'TimeZoneSidKey',
    'CreatedDate',
    'LastModifiedDate',
    'LastLoginDate',
  ],
};
