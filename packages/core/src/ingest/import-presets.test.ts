// Tests of every shipped preset against a realistic export fixture, with hand-checked normalized values.

import { describe, expect, it } from 'vitest';
import { importFixture, iso } from './csv-fixture.test-helpers';
import { IMPORT_PRESETS } from './import-presets';

const NEW_YORK = { defaultTimeZone: 'America/New_York' };
const BERLIN = { defaultTimeZone: 'Europe/Berlin' };

describe('IMPORT_PRESETS', () => {
  it('have unique keys, valid mappings and a fixture each', () => {
    const keys = IMPORT_PRESETS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([
      'hubspot-contacts',
      'hubspot-activities',
      'hubspot-deals',
      'salesforce-contacts',
      'salesforce-leads',
      'salesforce-tasks',
      'salesforce-events',
      'salesforce-opportunities',
      'salesforce-users',
    ]);
  });
});

describe('HubSpot contacts export', () => {
  const { preset, rows, compiled } = importFixture('hubspot-contacts.csv', 'contacts', NEW_YORK);

  it('is detected despite the BOM and reads every row', () => {
    expect(preset.key).toBe('hubspot-contacts');
    expect(rows).toHaveLength(12);
    expect(compiled.warnings.map((w) => w.column)).toEqual([
      'Original Source Drill-Down 2',
      'Country/Region',
    ]);
  });

  it('maps a lead with local times, quoted commas and the employee band', () => {
    expect(rows[0]).toEqual({
      externalId: '51',
      createdAt: new Date('2026-01-05T14:12:00Z'),
      qualifiedAt: null,
      customerAt: null,
      lifecycleStage: 'lead',
      source: 'Organic Search',
      segment: 'smb',
      ownerRepExternalId: 'Maya Chen',
      account: 'Northwind Traders, Inc.',
      properties: {
        'Lead Status': 'Open',
        'Original Source Drill-Down 1': 'google',
        Industry: 'Retail',
        'Job Title': 'Office Manager',
        'Number of Employees': '25-50',
      },
      deletedAt: null,
    });
  });

  it('translates lifecycle stages and takes the first qualifying date', () => {
    expect(rows.map((r) => r.lifecycleStage)).toEqual([
      'lead',
      'lead',
      'contact',
      'opportunity',
      'customer',
      'customer',
      'lead',
      'contact',
      'lead',
      'customer',
      'contact',
      'lead',
    ]);
    expect(iso(rows[2]?.qualifiedAt ?? null)).toBe('2026-03-02T14:05:00.000Z');
    expect(iso(rows[3]?.qualifiedAt ?? null)).toBe('2026-02-10T16:30:00.000Z');
    // Skipped SQL: qualified when it became an opportunity (EST), customer after DST began (EDT).
    expect(iso(rows[4]?.qualifiedAt ?? null)).toBe('2026-01-20T15:00:00.000Z');
    expect(iso(rows[4]?.customerAt ?? null)).toBe('2026-03-15T16:00:00.000Z');
    expect(rows[4]?.segment).toBe('enterprise');
    expect(rows[2]?.segment).toBe('mid_market');
    expect(rows[6]?.segment).toBeNull();
  });

  it('keeps source labels, translates internal values and unescapes quotes', () => {
    expect(rows[10]?.source).toBe('Organic Search');
    expect(rows[8]?.source).toBe('Offline Sources');
    expect(rows[9]?.account).toBe('Contoso "Labs"');
    expect(rows[6]?.ownerRepExternalId).toBeNull();
  });

  it('shifts a create date in the spring-forward gap forward', () => {
    // 2026-03-08 02:30 does not exist in New York; it is read as 03:30 EDT.
    expect(iso(rows[11]?.createdAt ?? null)).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('HubSpot activities export', () => {
  const { preset, rows } = importFixture('hubspot-activities.csv', 'activities', NEW_YORK);

  it('is detected and reads every row', () => {
    expect(preset.key).toBe('hubspot-activities');
    expect(rows).toHaveLength(12);
  });

  it('row 3 is an outbound call at 2026-03-02T14:05:00Z with the first associated contact', () => {
    expect(rows[2]).toEqual({
      externalId: '9003',
      sourceSystem: 'hubspot',
      contactExternalId: '53',
      repExternalId: 'Luis Ortega',
      channel: 'call',
      occurredAt: new Date('2026-03-02T14:05:00Z'),
      direction: 'outbound',
      automated: false,
      systemGenerated: false,
      replied: false,
      meetingBooked: false,
      deletedAt: null,
    });
  });

  it('maps channels, directions and sequence emails', () => {
    expect(rows.map((r) => r.channel)).toEqual([
      'email',
      'note',
      'call',
      'email',
      'meeting',
      'call',
      'task',
      'social',
      'email',
      'email',
      'call',
      'email',
    ]);
    expect(rows.map((r) => r.direction)).toEqual([
      'outbound',
      'outbound',
      'outbound',
      'inbound',
      'outbound',
      'inbound',
      'outbound',
      'outbound',
      'outbound',
      'outbound',
      'outbound',
      'outbound',
    ]);
    expect(rows.filter((r) => r.automated).map((r) => r.externalId)).toEqual(['9001', '9012']);
    expect(rows[8]?.contactExternalId).toBeNull();
  });

  it('reads an ambiguous fall-back time with the earlier offset', () => {
    // 2026-11-01 01:30 happens twice in New York; the first (EDT, −4) is taken.
    expect(iso(rows[10]?.occurredAt ?? null)).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('HubSpot deals export', () => {
  const { preset, rows } = importFixture('hubspot-deals.csv', 'deals', NEW_YORK);

  it('is detected and reads every row', () => {
    expect(preset.key).toBe('hubspot-deals');
    expect(rows).toHaveLength(10);
  });

  it('closes only won and lost deals, with their outcome and amount', () => {
    expect(rows[0]).toMatchObject({
      externalId: '7001',
      stage: 'Appointment Scheduled',
      outcome: null,
      closedAt: null,
      amount: '12000',
      contactExternalId: '51',
      account: '3001',
      createdAt: new Date('2026-02-01T15:00:00Z'),
    });
    expect(rows[1]).toMatchObject({
      outcome: 'won',
      closedAt: new Date('2026-03-10T20:30:00Z'),
      amount: '24500.50',
    });
    expect(rows[2]).toMatchObject({ outcome: 'lost', amount: null });
    expect(rows[8]).toMatchObject({ stage: 'closedlost', outcome: 'lost' });
    expect(rows.map((r) => r.outcome)).toEqual([
      null,
      'won',
      'lost',
      null,
      'won',
      null,
      null,
      null,
      'lost',
      'won',
    ]);
  });

  it('takes the first of several associated ids and falls back to the company name', () => {
    expect(rows[4]).toMatchObject({ contactExternalId: '55', account: '3005' });
    expect(rows[6]).toMatchObject({ contactExternalId: null, account: null });
    expect(rows[9]?.account).toBe('Adventure Works');
  });
});

describe('Salesforce Contact export', () => {
  const { preset, rows } = importFixture('salesforce-contacts.csv', 'contacts', BERLIN);

  it('is detected and reads contacts qualified at creation', () => {
    expect(preset.key).toBe('salesforce-contacts');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      externalId: '0035g00000KqAaAAAV',
      createdAt: new Date('2026-02-16T09:12:44Z'),
      qualifiedAt: new Date('2026-02-16T09:12:44Z'),
      customerAt: null,
      lifecycleStage: 'contact',
      source: 'Web',
      segment: null,
      ownerRepExternalId: '0055g00000Ur1AAAAZ',
      account: '0015g00000AbcdeAAB',
      properties: { Title: 'Head of Sales', Department: 'Sales', MailingCountry: 'France' },
      deletedAt: null,
    });
    expect(rows[2]?.properties.Title).toBe('VP, Revenue Operations');
  });

  it('keeps deleted contacts with the SystemModstamp as deletedAt', () => {
    expect(iso(rows[3]?.deletedAt ?? null)).toBe('2026-02-11T10:31:05.000Z');
    expect(rows.filter((r) => r.deletedAt !== null)).toHaveLength(1);
  });
});

describe('Salesforce Lead export', () => {
  const { preset, rows } = importFixture('salesforce-leads.csv', 'contacts', BERLIN);

  it('is detected as leads, not contacts', () => {
    expect(preset.key).toBe('salesforce-leads');
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.lifecycleStage === 'lead')).toBe(true);
  });

  it('qualifies converted leads at local midnight of ConvertedDate and links the contact', () => {
    expect(rows[0]).toMatchObject({
      externalId: '00Q5g00000Lx1aAEAR',
      qualifiedAt: new Date('2026-02-15T23:00:00Z'),
      account: '0015g00000AbcdeAAB',
      properties: {
        leadStatus: 'Closed - Converted',
        Industry: 'Technology',
        Rating: 'Hot',
        NumberOfEmployees: 250,
        convertedContactId: '0035g00000KqAaAAAV',
        convertedOpportunityId: '0065g00000Op1AAAAZ',
      },
    });
    // Superseded by its Contact, so the person is counted once (decision 0017).
    expect(rows[0]?.deletedAt).toEqual(rows[0]?.qualifiedAt);
    expect(rows[1]).toMatchObject({
      qualifiedAt: null,
      deletedAt: null,
      account: 'Example Org',
      // Owned by a queue, not a seller.
      ownerRepExternalId: null,
    });
    expect(rows[2]?.account).toBe('Proseware, Inc.');
    expect(iso(rows[4]?.deletedAt ?? null)).toBe('2026-02-02T16:21:30.000Z');
  });
});

describe('Salesforce Task export (Data Loader, upper-case headers)', () => {
  const { preset, rows } = importFixture('salesforce-tasks.csv', 'activities', BERLIN);

  it('is detected and reads every row, including a multi-line description', () => {
    expect(preset.key).toBe('salesforce-tasks');
    expect(rows).toHaveLength(14);
  });

  it('row 3 is a call at 2026-03-02T14:05:00Z (its completion time)', () => {
    expect(rows[2]).toEqual({
      externalId: '00T5g00001Ab003EAA',
      sourceSystem: 'salesforce',
      contactExternalId: '0035g00000KqAaAAAV',
      repExternalId: '0055g00000Ur2AAAAZ',
      channel: 'call',
      occurredAt: new Date('2026-03-02T14:05:00Z'),
      direction: 'outbound',
      automated: false,
      systemGenerated: false,
      replied: false,
      meetingBooked: false,
      deletedAt: null,
    });
  });

  it('derives channels from Status, TaskSubtype and Type', () => {
    expect(rows.map((r) => r.channel)).toEqual([
      'email',
      'email',
      'call',
      'task', // open: a planned call is not a touch yet
      'call', // TaskSubtype Task, Type Call
      'email',
      'social',
      'call',
      'email',
      'email',
      'meeting',
      'task',
      'call',
      'task',
    ]);
  });

  it('marks list emails, mass emails and cadence emails as automated', () => {
    expect(rows.filter((r) => r.automated).map((r) => r.externalId)).toEqual([
      '00T5g00001Ab002EAA',
      '00T5g00001Ab009EAA',
      '00T5g00001Ab010EAA',
    ]);
  });

  it('reads inbound calls, deleted tasks, tasks with no contact and date-only tasks', () => {
    expect(rows[7]?.direction).toBe('inbound');
    expect(iso(rows[5]?.deletedAt ?? null)).toBe('2026-02-11T10:31:05.000Z');
    expect(rows[12]?.contactExternalId).toBeNull();
    // No CompletedDateTime: ActivityDate 2026-03-03 at local midnight in Berlin.
    expect(iso(rows[4]?.occurredAt ?? null)).toBe('2026-03-02T23:00:00.000Z');
  });
});

describe('Salesforce Event export', () => {
  const { preset, rows } = importFixture('salesforce-events.csv', 'activities', BERLIN);

  it('is detected and maps events to meetings at their start', () => {
    expect(preset.key).toBe('salesforce-events');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      externalId: '00U5g00000Ev001EAA',
      channel: 'meeting',
      occurredAt: new Date('2026-03-05T15:00:00Z'),
      meetingBooked: false,
      sourceSystem: 'salesforce',
    });
    expect(rows.map((r) => r.channel)).toEqual([
      'meeting',
      'call',
      'meeting',
      'meeting',
      'meeting',
      'meeting',
      'meeting',
      'email',
      'meeting',
      'meeting',
    ]);
  });

  it('reads all-day and deleted events and internal meetings without a contact', () => {
    expect(iso(rows[3]?.occurredAt ?? null)).toBe('2026-03-10T00:00:00.000Z');
    expect(iso(rows[4]?.deletedAt ?? null)).toBe('2026-02-11T10:31:05.000Z');
    expect(rows[6]?.contactExternalId).toBeNull();
  });
});

describe('Salesforce Opportunity export (Data Export, 1/0 booleans)', () => {
  const { preset, rows } = importFixture('salesforce-opportunities.csv', 'deals', BERLIN);

  it('is detected and derives outcome and closedAt from IsClosed and IsWon', () => {
    expect(preset.key).toBe('salesforce-opportunities');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      externalId: '0065g00000Op1AAAAZ',
      contactExternalId: '0035g00000KqAaAAAV',
      account: '0015g00000AbcdeAAB',
      ownerRepExternalId: '0055g00000Ur2AAAAZ',
      createdAt: new Date('2026-02-16T09:15:00Z'),
      closedAt: new Date('2026-03-09T23:00:00Z'),
      stage: 'Closed Won',
      outcome: 'won',
      amount: '24500.5',
      deletedAt: null,
    });
    expect(rows.map((r) => r.outcome)).toEqual([
      'won',
      null,
      'lost',
      'won',
      null,
      null,
      'won',
      null,
      null,
      'lost',
    ]);
    expect(rows[1]?.closedAt).toBeNull();
  });

  it('keeps a deleted opportunity with its deletion time', () => {
    expect(rows[5]).toMatchObject({
      amount: null,
      contactExternalId: null,
      deletedAt: new Date('2026-02-11T10:31:05Z'),
    });
  });
});

describe('Salesforce User export', () => {
  const { preset, rows } = importFixture('salesforce-users.csv', 'reps', BERLIN);

  it('is detected and maps users to reps with local active days', () => {
    expect(preset.key).toBe('salesforce-users');
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({
      externalId: '0055g00000Ur1AAAAZ',
      name: 'Maya Chen',
      team: 'SMB Team',
      segment: 'Americas',
      activeFrom: '2025-01-06',
      activeTo: null,
      defaultSellingHours: null,
      defaultAdminHours: null,
    });
    // 22:30Z on 30 June is already 1 July in Berlin.
    expect(rows[1]?.activeFrom).toBe('2025-07-01');
  });

  it('ends inactive users at their last modification and falls back to the username', () => {
    expect(rows[2]?.activeTo).toBe('2026-02-27');
    expect(rows[7]).toMatchObject({
      name: 'olga.ivanova@acme-sales.example',
      activeTo: '2025-08-29',
    });
  });
});
