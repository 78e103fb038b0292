// Tests for mapping validation against a header: every row-0 error and warning, and what compiles.

import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './column-mapping';
import { compileMapping } from './compile-mapping';

const activities = (fields: ColumnMapping['fields'], extra: Partial<ColumnMapping> = {}) =>
  ({ entity: 'activities', fields, ...extra }) as ColumnMapping;

const HEADER = ['Id', 'Type', 'When', 'Contact', 'Rep'];
const BASE: ColumnMapping['fields'] = {
  externalId: { column: 'Id' },
  channel: { column: 'Type' },
  occurredAt: { column: 'When' },
};

function errorsOf(mapping: unknown, header: string[] = HEADER) {
  const result = compileMapping(mapping as ColumnMapping, header);
  if (result.ok) throw new Error('expected the mapping to be refused');
  return result.errors;
}

describe('compileMapping', () => {
  it('compiles a mapping whose required columns are present, matching headers loosely', () => {
    const result = compileMapping(activities(BASE), ['\uFEFF id ', 'TYPE', 'when']);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.compiled.entity).toBe('activities');
      expect(result.compiled.timeZone).toBe('UTC');
      expect(result.compiled.warnings).toEqual([]);
    }
  });

  it('uses the default time zone unless the mapping names one', () => {
    const fromOptions = compileMapping(activities(BASE), HEADER, {
      defaultTimeZone: 'Europe/Berlin',
    });
    const fromMapping = compileMapping(activities(BASE, { timeZone: 'Asia/Tokyo' }), HEADER, {
      defaultTimeZone: 'Europe/Berlin',
    });
    expect(fromOptions.ok && fromOptions.compiled.timeZone).toBe('Europe/Berlin');
    expect(fromMapping.ok && fromMapping.compiled.timeZone).toBe('Asia/Tokyo');
  });

  it('reports a required field whose column is not in the header', () => {
    expect(errorsOf(activities({ ...BASE, occurredAt: { column: 'Activity date' } }))).toEqual([
      {
        row: 0,
        column: 'Activity date',
        field: 'occurredAt',
        value: null,
        reason:
          "occurredAt (Occurred at) is required but column 'Activity date' is not in the header",
      },
    ]);
  });

  it('reports required fields the mapping leaves out', () => {
    const errors = errorsOf(activities({ externalId: { column: 'Id' } }));
    expect(errors.map((e) => e.field)).toEqual(['channel', 'occurredAt']);
    expect(errors[0]?.reason).toBe(
      'channel (Channel) is required; map it to a column or give it a constant',
    );
  });

  it('reports an unknown entity and unknown fields', () => {
    expect(errorsOf({ entity: 'tickets', fields: {} })).toEqual([
      {
        row: 0,
        column: null,
        field: null,
        value: null,
        reason:
          'mapping entity: entity must be one of contacts, activities, deals, reps, capacity, events',
      },
    ]);
    const [unknown] = errorsOf(activities({ ...BASE, channels: { column: 'Type' } }));
    expect(unknown).toMatchObject({ field: 'channels' });
    expect(unknown?.reason).toMatch(/activities have no field 'channels'; fields: externalId, /);
  });

  it('reports malformed field mappings', () => {
    const [both] = errorsOf(
      activities({ ...BASE, repExternalId: { column: 'Rep', constant: 'x' } }),
    );
    expect(both?.reason).toBe(
      'mapping fields.repExternalId: a field takes at most one of "column", "columns" or "constant"',
    );
    const [none] = errorsOf(activities({ ...BASE, repExternalId: { format: 'iso' } }));
    expect(none?.reason).toMatch(/a field needs a source/);
    const [format] = errorsOf({
      entity: 'activities',
      fields: { ...BASE, occurredAt: { column: 'When', format: 'YYYYMMDD' } },
    });
    expect(format?.field).toBe('occurredAt');
    const [properties] = errorsOf(activities(BASE, { properties: ['Rep'] }));
    expect(properties?.reason).toMatch(
      /activities have no custom properties; only contacts and events do/,
    );
  });

  it('reports a referenced column that appears twice in the header', () => {
    expect(errorsOf(activities(BASE), ['Id', 'Type', 'When', 'type'])).toEqual([
      {
        row: 0,
        column: 'Type',
        field: 'channel',
        value: null,
        reason:
          "the header has 2 columns named 'Type' (columns 2, 4); rename them so the mapping can tell them apart",
      },
    ]);
    // A duplicate the mapping does not use is harmless.
    expect(compileMapping(activities(BASE), [...HEADER, 'Notes', 'notes']).ok).toBe(true);
  });

  it('reports an unknown time zone', () => {
    expect(errorsOf(activities(BASE, { timeZone: 'Mars/Olympus' }))).toEqual([
      {
        row: 0,
        column: null,
        field: null,
        value: 'Mars/Olympus',
        reason:
          "unknown time zone 'Mars/Olympus'; use an IANA zone name such as Europe/Berlin or America/New_York",
      },
    ]);
  });

  it('checks constants, defaults and value-map targets against the field', () => {
    const errors = errorsOf(
      activities({
        ...BASE,
        channel: { column: 'Type', values: { Call: 'call', Phone: 'phone' } },
        direction: { constant: 'sideways' },
        automated: { column: 'Rep', default: 'sometimes' },
      }),
    );
    expect(errors.map((e) => [e.field, e.value, e.reason])).toEqual([
      [
        'channel',
        'phone',
        "value map entry 'Phone' of channel: 'phone' is not a channel; accepted: call, email, meeting, social, task, note",
      ],
      [
        'direction',
        'sideways',
        "constant of direction: 'sideways' is not a direction; accepted: outbound, inbound",
      ],
      [
        'automated',
        'sometimes',
        "default of automated: 'sometimes' is not a boolean; use true or false",
      ],
    ]);
  });

  it('warns about optional columns missing from the header', () => {
    const result = compileMapping(
      activities({
        ...BASE,
        contactExternalId: { columns: ['Contact ID', 'Who'] },
        repExternalId: { columns: ['Rep', 'Owner'] },
      }),
      HEADER,
    );
    expect(result.ok && result.compiled.warnings).toEqual([
      {
        row: 0,
        column: 'Contact ID',
        field: 'contactExternalId',
        value: null,
        reason:
          "none of the columns 'Contact ID', 'Who' is in the header; contactExternalId reads it as empty",
      },
    ]);
  });
});
