import { describe, expect, it } from 'vitest';
import { refusedResult } from './data-api';
import { placeMappingErrors } from './place-mapping-errors';

describe('refusedResult', () => {
  it('reads the counts, row errors and report address from a refused import’s problem body', () => {
    const result = refusedResult({
      type: 'https://treeline.dev/problems/import-refused',
      title: 'Import refused',
      status: 422,
      detail: '1 row has errors; nothing was imported.',
      importId: 'i-1',
      entity: 'activities',
      mode: 'all_or_nothing',
      rowsRead: 3,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      excluded: { deleted: 0, no_contact: 0, internal_note: 0, system_event: 0, duplicate: 0 },
      errorsTruncated: false,
      message: null,
      dataVersion: null,
      reportUrl: '/api/imports/i-1/report.csv',
      errors: [
        {
          path: 'rows.2',
          message: "'soon' is not a date",
          row: 2,
          column: 'When',
          field: 'occurredAt',
          value: 'soon',
          reason: "'soon' is not a date",
        },
      ],
    });
    expect(result).toMatchObject({
      status: 'refused',
      importId: 'i-1',
      rowsRead: 3,
      rejected: 1,
      message: '1 row has errors; nothing was imported.',
      reportUrl: '/api/imports/i-1/report.csv',
      errors: [
        {
          row: 2,
          column: 'When',
          field: 'occurredAt',
          value: 'soon',
          reason: "'soon' is not a date",
        },
      ],
    });
  });
});

describe('placeMappingErrors', () => {
  it('puts a problem beside its field, the time zone or in the general list', () => {
    const placed = placeMappingErrors([
      { row: 0, column: null, field: 'channel', value: null, reason: 'channel is required' },
      { row: 0, column: 'Type', field: 'channel', value: null, reason: 'two columns named Type' },
      {
        row: 0,
        column: null,
        field: null,
        value: 'Mars/Base',
        reason: "unknown time zone 'Mars/Base'",
      },
      { row: 0, column: null, field: null, value: null, reason: 'mapping: bad' },
    ]);
    expect(placed.byField.get('channel')).toBe('channel is required; two columns named Type');
    expect(placed.byField.get('(timeZone)')).toMatch(/Mars/);
    expect(placed.general).toEqual(['mapping: bad']);
  });
});
