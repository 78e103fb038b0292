// Tests for the bulk API record normalizer: camelCase fields, strict instants, JSON types and the same error shape.

import { describe, expect, it } from 'vitest';
import { normalizeApiRecord } from './normalize-api-record';

describe('normalizeApiRecord', () => {
  it('normalizes an activity with defaults for the fields left out', () => {
    expect(
      normalizeApiRecord(
        'activities',
        {
          externalId: 'a1',
          channel: 'call',
          occurredAt: '2026-03-02T15:05:00+01:00',
          contactExternalId: 42,
          replied: true,
        },
        1,
      ),
    ).toEqual({
      ok: true,
      row: {
        externalId: 'a1',
        sourceSystem: 'api',
        contactExternalId: '42',
        repExternalId: null,
        channel: 'call',
        occurredAt: new Date('2026-03-02T14:05:00Z'),
        direction: 'outbound',
        automated: false,
        systemGenerated: false,
        replied: true,
        meetingBooked: false,
        deletedAt: null,
      },
    });
  });

  it('normalizes deals with numeric amounts and events with properties', () => {
    const deal = normalizeApiRecord(
      'deals',
      {
        externalId: 'd1',
        createdAt: '2026-03-02T14:05:00Z',
        stage: 'Won',
        outcome: 'won',
        amount: 1200.5,
      },
      1,
    );
    expect(deal.ok && deal.row).toMatchObject({ amount: '1200.5', outcome: 'won', closedAt: null });
    const event = normalizeApiRecord(
      'events',
      {
        externalId: 'e1',
        contactExternalId: 'c1',
        type: 'page_view',
        occurredAt: '2026-03-02T14:05:00Z',
        properties: { url: '/pricing', seconds: 42, returning: false, campaign: null },
      },
      2,
    );
    expect(event.ok && event.row.properties).toEqual({
      url: '/pricing',
      seconds: 42,
      returning: false,
      campaign: null,
    });
  });

  it('refuses naive instants, wrong JSON types, unknown fields and missing required fields', () => {
    const result = normalizeApiRecord(
      'activities',
      {
        externalId: 'a2',
        channel: 'fax',
        occurredAt: '2026-03-02 14:05',
        automated: 'sometimes',
        direction: 7,
        contact: 'c1',
      },
      3,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 3,
          column: 'contact',
          field: null,
          value: 'c1',
          reason: expect.stringMatching(
            /^activities have no field 'contact'; fields: externalId, /,
          ),
        },
        {
          row: 3,
          column: 'channel',
          field: 'channel',
          value: 'fax',
          reason: "'fax' is not a channel; accepted: call, email, meeting, social, task, note",
        },
        {
          row: 3,
          column: 'occurredAt',
          field: 'occurredAt',
          value: '2026-03-02 14:05',
          reason:
            "'2026-03-02 14:05' has no time zone; write an ISO 8601 date-time ending in Z or an offset, e.g. 2026-03-02T14:05:00Z",
        },
        {
          row: 3,
          column: 'direction',
          field: 'direction',
          value: '7',
          reason: 'expected one of outbound, inbound, got number',
        },
        {
          row: 3,
          column: 'automated',
          field: 'automated',
          value: 'sometimes',
          reason: "'sometimes' is not a boolean; use true or false",
        },
      ],
    });
    const missing = normalizeApiRecord('capacity', { repExternalId: 'r1', sellingHours: 25 }, 4);
    expect(!missing.ok && missing.errors.map((e) => e.reason)).toEqual([
      'day (Day) is required but the record has no value for it',
      "'25' is out of range; hours must be between 0 and 24",
    ]);
  });

  it('refuses records that are not objects and nested property values', () => {
    expect(normalizeApiRecord('reps', [1, 2], 5)).toEqual({
      ok: false,
      errors: [
        {
          row: 5,
          column: null,
          field: null,
          value: '[1,2]',
          reason: 'a record must be a JSON object with reps fields, not an array',
        },
      ],
    });
    const nested = normalizeApiRecord(
      'contacts',
      {
        externalId: 'c1',
        createdAt: '2026-03-02T14:05:00Z',
        lifecycleStage: 'lead',
        properties: { tags: ['a'] },
      },
      6,
    );
    expect(!nested.ok && nested.errors[0]).toEqual({
      row: 6,
      column: 'properties.tags',
      field: 'properties',
      value: '["a"]',
      reason: "property 'tags' must be a string, a finite number, a boolean or null, not an array",
    });
  });

  it('checks cross-field rules', () => {
    const result = normalizeApiRecord(
      'reps',
      { externalId: 'r1', name: 'Maya', activeFrom: '2026-03-01', activeTo: '2026-02-01' },
      7,
    );
    expect(!result.ok && result.errors[0]).toMatchObject({ column: 'activeTo', field: 'activeTo' });
  });

  it('rejects a record nested too deeply to print without failing (found by the hostile-input suite)', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    const result = normalizeApiRecord('reps', value, 3);
    expect(!result.ok && result.errors[0]).toMatchObject({
      row: 3,
      value: '(an array nested too deeply to show)',
    });
  });

  it('rejects text with a NUL character, which the database cannot store, and shows it escaped', () => {
    const result = normalizeApiRecord(
      'reps',
      { externalId: 'r1', name: 'A', team: 'a\u0000b', 'x\u0000': 1 },
      1,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(
      expect.objectContaining({
        field: 'team',
        value: 'a\\u0000b',
        reason: expect.stringContaining('NUL'),
      }),
    );
    for (const error of errors) {
      for (const text of [error.value, error.column, error.field])
        expect(text ?? '').not.toContain('\u0000');
    }
  });

  it('rejects properties holding half a surrogate pair (no JSON the database stores)', () => {
    const contact = {
      externalId: 'c1',
      createdAt: '2026-01-01T00:00:00Z',
      lifecycleStage: 'lead',
      properties: { tier: 'x\ud800' },
    };
    const result = normalizeApiRecord('contacts', contact, 1);
    expect(!result.ok && result.errors).toEqual([
      expect.objectContaining({
        field: 'properties',
        reason: expect.stringContaining('surrogate'),
      }),
    ]);
    const fine = normalizeApiRecord('contacts', { ...contact, properties: { tier: 'gold' } }, 1);
    expect(fine.ok, JSON.stringify(fine)).toBe(true);
  });
});
