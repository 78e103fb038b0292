// Tests for normalizing CSV records through a generic mapping: values, defaults, cases, and every per-row error.

import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './column-mapping';
import { compileMapping } from './compile-mapping';
import type { CompiledMapping } from './compiled-mapping';
import type { ContactImportRow } from './import-row';
import { normalizeCsvRecord } from './normalize-csv-record';

function compile(mapping: ColumnMapping, header: string[]): CompiledMapping {
  const result = compileMapping(mapping, header);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.compiled;
}

const ACTIVITY_HEADER = [
  'Activity ID',
  'Kind',
  'Date',
  'Contact',
  'Rep',
  'Inbound?',
  'Sequence',
  'Deleted',
];
const activities = compile(
  {
    entity: 'activities',
    timeZone: 'Europe/Berlin',
    dateFormat: 'DD.MM.YYYY',
    fields: {
      externalId: { column: 'Activity ID' },
      sourceSystem: { constant: 'pipedrive' },
      contactExternalId: { column: 'Contact' },
      repExternalId: { column: 'Rep', default: 'unassigned' },
      channel: { column: 'Kind', values: { Anruf: 'call', 'E-Mail': 'email', Termin: 'meeting' } },
      occurredAt: { column: 'Date' },
      direction: { column: 'Inbound?', values: { yes: 'inbound', no: 'outbound' } },
      automated: { cases: [{ when: { column: 'Sequence', present: true }, value: true }] },
      deletedAt: { cases: [{ when: { column: 'Deleted', in: ['x', 'yes'] }, column: 'Date' }] },
    },
  },
  ACTIVITY_HEADER,
);

describe('normalizeCsvRecord with a generic mapping', () => {
  it('maps, trims, translates and parses a record', () => {
    const result = normalizeCsvRecord(
      activities,
      [' A-1 ', 'anruf', '02.03.2026 15:05', 'c-9', '', 'no', 'Welcome flow', ''],
      1,
    );
    expect(result).toEqual({
      ok: true,
      row: {
        externalId: 'A-1',
        sourceSystem: 'pipedrive',
        contactExternalId: 'c-9',
        repExternalId: 'unassigned',
        channel: 'call',
        occurredAt: new Date('2026-03-02T14:05:00Z'),
        direction: 'outbound',
        automated: true,
        systemGenerated: false,
        replied: false,
        meetingBooked: false,
        deletedAt: null,
      },
    });
  });

  it('treats empty cells as null and applies field defaults', () => {
    const result = normalizeCsvRecord(
      activities,
      ['A-2', 'E-Mail', '02.03.2026', '', '', '', '', 'X'],
      2,
    );
    expect(result.ok && result.row).toMatchObject({
      contactExternalId: null,
      direction: 'outbound',
      automated: false,
      occurredAt: new Date('2026-03-01T23:00:00Z'),
      deletedAt: new Date('2026-03-01T23:00:00Z'),
    });
  });

  it('accepts channel values already in our vocabulary and tolerates short rows', () => {
    const result = normalizeCsvRecord(activities, ['A-3', 'Meeting', '02.03.2026'], 3);
    expect(result.ok && result.row).toMatchObject({ channel: 'meeting', contactExternalId: null });
  });

  it('collects every error of a row with its column, field, value and reason', () => {
    const result = normalizeCsvRecord(
      activities,
      ['', 'Fax', '2026-03-02', '', '', 'maybe', '', ''],
      7,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 7,
          column: 'Activity ID',
          field: 'externalId',
          value: null,
          reason: "externalId (External id) is required but column 'Activity ID' is empty",
        },
        {
          row: 7,
          column: 'Kind',
          field: 'channel',
          value: 'Fax',
          reason:
            "'Fax' is not a channel; accepted: call, email, meeting, social, task, note, or a source value the mapping translates: Anruf, E-Mail, Termin",
        },
        {
          row: 7,
          column: 'Date',
          field: 'occurredAt',
          value: '2026-03-02',
          reason:
            "'2026-03-02' is not a date in the expected format DD.MM.YYYY[ HH:mm[:ss][ AM/PM]]",
        },
        {
          row: 7,
          column: 'Inbound?',
          field: 'direction',
          value: 'maybe',
          reason:
            "'maybe' is not a direction; accepted: outbound, inbound, or a source value the mapping translates: yes, no",
        },
      ],
    });
  });

  it('refuses a row with more values than the header has columns', () => {
    const values = ['A-4', 'Anruf', '02.03.2026', 'c', 'r', 'no', '', '', 'stray, value'];
    expect(normalizeCsvRecord(activities, values, 4)).toEqual({
      ok: false,
      errors: [
        {
          row: 4,
          column: null,
          field: null,
          value: 'stray, value',
          reason:
            'the row has 9 values but the header has 8 columns; check the quoting of this row',
        },
      ],
    });
  });

  it('truncates long offending values to 200 characters', () => {
    const long = 'x'.repeat(300);
    const result = normalizeCsvRecord(activities, ['A-5', long, '02.03.2026'], 5);
    expect(!result.ok && result.errors[0]?.value).toHaveLength(200);
  });
});

describe('normalizeCsvRecord for reps and capacity', () => {
  const reps = compile(
    {
      entity: 'reps',
      fields: {
        externalId: { column: 'Rep' },
        name: { column: 'Name' },
        activeFrom: { column: 'Start', format: 'MM/DD/YYYY' },
        activeTo: { column: 'End', format: 'MM/DD/YYYY' },
        defaultSellingHours: { column: 'Selling' },
      },
    },
    ['Rep', 'Name', 'Start', 'End', 'Selling'],
  );
  const capacity = compile(
    {
      entity: 'capacity',
      fields: {
        repExternalId: { column: 'rep' },
        day: { column: 'day' },
        sellingHours: { column: 'selling' },
        adminHours: { column: 'admin' },
      },
    },
    ['rep', 'day', 'selling', 'admin'],
  );

  it('normalizes days and decimals', () => {
    expect(normalizeCsvRecord(reps, ['r1', 'Maya Chen', '1/6/2025', '', '06.50'], 1)).toEqual({
      ok: true,
      row: {
        externalId: 'r1',
        name: 'Maya Chen',
        team: null,
        segment: null,
        activeFrom: '2025-01-06',
        activeTo: null,
        defaultSellingHours: '6.50',
        defaultAdminHours: null,
      },
    });
    expect(normalizeCsvRecord(capacity, ['r1', '2026-03-02', '6.5', ''], 1)).toEqual({
      ok: true,
      row: { repExternalId: 'r1', day: '2026-03-02', sellingHours: '6.5', adminHours: '0' },
    });
  });

  it('refuses negative hours, bad decimals and impossible days', () => {
    const result = normalizeCsvRecord(capacity, ['r1', '2026-02-30', '-2', '1,5'], 3);
    expect(!result.ok && result.errors.map((e) => [e.column, e.field, e.reason])).toEqual([
      ['day', 'day', "'2026-02-30' is not a real date: February 2026 has 28 days"],
      ['selling', 'sellingHours', "'-2' is out of range; hours must be between 0 and 24"],
      [
        'admin',
        'adminHours',
        "'1,5' is not a decimal number; write digits with an optional '.' decimal point and no thousands separator or currency, e.g. 6.50",
      ],
    ]);
  });

  it('checks rules across fields once every field parsed', () => {
    const tooLong = normalizeCsvRecord(capacity, ['r1', '2026-03-02', '20', '6'], 4);
    expect(tooLong).toEqual({
      ok: false,
      errors: [
        {
          row: 4,
          column: 'admin',
          field: 'adminHours',
          value: '6',
          reason: 'selling hours (20) plus admin hours (6) exceed the 24 hours of a day',
        },
      ],
    });
    const backwards = normalizeCsvRecord(reps, ['r2', 'Luis', '3/1/2026', '2/1/2026', ''], 5);
    expect(!backwards.ok && backwards.errors[0]).toMatchObject({
      column: 'End',
      field: 'activeTo',
      reason:
        'the rep stops being active (2026-02-01) before starting (2026-03-01); activeTo must be on or after activeFrom',
    });
  });
});

describe('normalizeCsvRecord for contacts', () => {
  const contacts = compile(
    {
      entity: 'contacts',
      timeZone: 'America/New_York',
      fields: {
        externalId: { column: 'id' },
        createdAt: { column: 'created', format: 'epoch_s' },
        qualifiedAt: { column: 'qualified', format: 'epoch_ms' },
        lifecycleStage: { column: 'stage', values: { MQL: 'lead', SQL: 'contact' } },
        segment: { column: 'segment', values: { 'Mid-Market': 'mid_market', '*': null } },
      },
      properties: [
        'Plan',
        { column: 'Seats', key: 'seats', type: 'number' },
        { column: 'Trial', type: 'boolean' },
      ],
    },
    ['id', 'created', 'qualified', 'stage', 'segment', 'Plan', 'Seats', 'Trial'],
  );

  it('reads epochs, value maps with a fallback, and typed properties', () => {
    const result = normalizeCsvRecord(
      contacts,
      ['c1', '1772460300', '1772460300000', 'sql', 'Unknown', 'Pro', '12', 'yes'],
      1,
    );
    expect(result.ok && result.row).toMatchObject({
      createdAt: new Date('2026-03-02T14:05:00Z'),
      qualifiedAt: new Date('2026-03-02T14:05:00Z'),
      lifecycleStage: 'contact',
      segment: null,
      properties: { Plan: 'Pro', seats: 12, Trial: true },
    });
  });

  it('leaves empty properties out and refuses bad typed properties', () => {
    const ok = normalizeCsvRecord(contacts, ['c2', '1772460300', '', 'lead', '', '', '', ''], 2);
    expect(ok.ok && (ok.row as ContactImportRow).properties).toEqual({});
    const bad = normalizeCsvRecord(
      contacts,
      ['c3', '1772460300', '', 'lead', '', '', 'ten', 'perhaps'],
      3,
    );
    expect(!bad.ok && bad.errors.map((e) => [e.column, e.field, e.reason])).toEqual([
      [
        'Seats',
        'properties',
        "'ten' is not a number (property 'seats'); write digits with an optional '.'",
      ],
      [
        'Trial',
        'properties',
        "'perhaps' is not a boolean (property 'Trial'); accepted: true/false, yes/no, y/n, t/f or 1/0 (any case)",
      ],
    ]);
  });

  it('names a missing required value and the allowed lifecycle stages', () => {
    const result = normalizeCsvRecord(contacts, ['c4', '', '', 'Partner', '', '', '', ''], 4);
    expect(!result.ok && result.errors.map((e) => e.reason)).toEqual([
      "createdAt (Created at) is required but column 'created' is empty",
      "'Partner' is not a lifecycle stage; accepted: lead, contact, opportunity, customer, former_customer, or a source value the mapping translates: MQL, SQL",
    ]);
  });
});

describe('normalizeCsvRecord for engagement events', () => {
  const events = compile(
    {
      entity: 'events',
      fields: {
        externalId: { column: 'event_id' },
        contactExternalId: { column: 'visitor' },
        type: {
          column: 'event',
          values: { pageview: 'page_view', open: 'email_open', click: 'email_click' },
        },
        occurredAt: { column: 'ts', format: 'epoch_ms' },
      },
      properties: ['url', { column: 'form', key: 'formName' }],
    },
    ['event_id', 'visitor', 'event', 'ts', 'url', 'form'],
  );

  it('maps event types and keeps details as properties', () => {
    expect(
      normalizeCsvRecord(events, ['e1', 'c1', 'PageView', '1772460300000', '/pricing', ''], 1),
    ).toEqual({
      ok: true,
      row: {
        externalId: 'e1',
        contactExternalId: 'c1',
        type: 'page_view',
        occurredAt: new Date('2026-03-02T14:05:00Z'),
        properties: { url: '/pricing' },
      },
    });
    const missing = normalizeCsvRecord(
      events,
      ['e2', '', 'form_submit', '1772460300000', '', 'Demo'],
      2,
    );
    expect(!missing.ok && missing.errors[0]?.reason).toBe(
      "contactExternalId (Contact) is required but column 'visitor' is empty",
    );
  });
});

describe('normalizeCsvRecord throughput', () => {
  it('normalizes 200k activity rows (a smoke test of the hot path, not a timing assertion)', () => {
    const rows: string[][] = [];
    for (let i = 0; i < 1000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const hour = String(i % 24).padStart(2, '0');
      rows.push([
        `A-${i}`,
        i % 3 ? 'Anruf' : 'E-Mail',
        `${day}.03.2026 ${hour}:15`,
        `c-${i % 97}`,
        'r-1',
        'no',
        i % 5 ? '' : 'seq',
        '',
      ]);
    }
    let accepted = 0;
    for (let n = 0; n < 200_000; n++) {
      if (normalizeCsvRecord(activities, rows[n % 1000] as string[], n + 1).ok) accepted++;
    }
    expect(accepted).toBe(200_000);
  });
});
