import { describe, expect, it } from 'vitest';
import { previewMapping, previewText } from './preview-rows';

const header = ['Id', 'Contact', 'Type', 'When'];
const mapping = {
  entity: 'activities' as const,
  fields: {
    externalId: { column: 'Id' },
    contactExternalId: { column: 'Contact' },
    channel: { column: 'Type', values: { 'Phone Call': 'call' } },
    occurredAt: { column: 'When' },
  },
};

describe('previewMapping', () => {
  it('normalizes the sample like the server: value maps, defaults, times in the workspace zone', () => {
    const preview = previewMapping(
      mapping,
      header,
      [['a1', 'c1', 'Phone Call', '2026-03-02 14:05']],
      'Europe/Berlin',
    );
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const [row] = preview.rows;
    expect(row?.ok).toBe(true);
    expect(row?.cells.channel).toEqual({ text: 'call', error: null });
    expect(row?.cells.occurredAt).toEqual({ text: '2026-03-02T13:05:00Z', error: null });
    expect(row?.cells.direction).toEqual({ text: 'outbound', error: null });
    expect(row?.cells.sourceSystem?.text).toBe('csv');
  });

  it('marks each refused cell with its reason and shows the raw value of the others', () => {
    const preview = previewMapping(
      mapping,
      header,
      [['a2', 'c1', 'Carrier pigeon', 'yesterday']],
      'UTC',
    );
    if (!preview.ok) throw new Error('the mapping should compile');
    const [row] = preview.rows;
    expect(row?.ok).toBe(false);
    expect(row?.cells.channel?.text).toBe('Carrier pigeon');
    expect(row?.cells.channel?.error).toMatch(/Carrier pigeon/);
    expect(row?.cells.occurredAt?.error).toBeTruthy();
    expect(row?.cells.externalId).toEqual({ text: 'a2', error: null });
  });

  it('puts problems of the whole row apart', () => {
    const preview = previewMapping(
      mapping,
      header,
      [['a3', 'c1', 'call', '2026-03-02', 'extra']],
      'UTC',
    );
    if (!preview.ok) throw new Error('the mapping should compile');
    expect(preview.rows[0]?.rowErrors[0]).toMatch(/5 values but the header has 4 columns/);
  });

  it('returns the mapping’s own problems when it does not fit the header', () => {
    const preview = previewMapping(
      { entity: 'activities', fields: { externalId: { column: 'Id' } } },
      header,
      [],
      'UTC',
    );
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.errors.map((error) => error.field)).toEqual(['channel', 'occurredAt']);
  });
});

describe('previewText', () => {
  it('writes instants in ISO without zero milliseconds, objects as JSON', () => {
    expect(previewText(new Date('2026-03-02T13:05:00Z'))).toBe('2026-03-02T13:05:00Z');
    expect(previewText({ plan: 'pro' })).toBe('{"plan":"pro"}');
    expect(previewText(false)).toBe('false');
    expect(previewText(null)).toBeNull();
  });
});
