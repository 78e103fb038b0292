import { columnMappingSchema, IMPORT_PRESETS, importFieldSpec } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import {
  columnCells,
  describeKeptRules,
  draftFromMapping,
  guessDraft,
  mappingFromDraft,
  unmappedValues,
  withField,
} from './mapping-draft';

describe('guessDraft', () => {
  it('maps headers that read like a field name or label, whatever their case and separators', () => {
    const draft = guessDraft('activities', [
      'external_id',
      'Contact',
      'rep id',
      'CHANNEL',
      'Occurred At',
      'Notes',
    ]);
    expect(mappingFromDraft(draft)).toEqual({
      version: 1,
      entity: 'activities',
      fields: {
        externalId: { column: 'external_id' },
        contactExternalId: { column: 'Contact' },
        repExternalId: { column: 'rep id' },
        channel: { column: 'CHANNEL' },
        occurredAt: { column: 'Occurred At' },
      },
    });
  });

  it('leaves every field unmapped when no header fits', () => {
    const draft = guessDraft('reps', ['a', 'b']);
    expect(Object.values(draft.fields).every((field) => field.source === 'none')).toBe(true);
    expect(mappingFromDraft(draft).fields).toEqual({});
  });
});

describe('draftFromMapping and mappingFromDraft', () => {
  it('give back a preset unchanged, keeping the rules the editor cannot show as one column', () => {
    const preset = IMPORT_PRESETS.find((p) => p.key === 'hubspot-activities')!;
    const draft = draftFromMapping(preset.mapping);
    expect(draft.fields.direction?.source).toBe('rules');
    expect(draft.fields.externalId?.source).toBe('rules');
    expect(draft.fields.channel?.source).toBe('column');
    expect(draft.fields.channel?.values.length).toBeGreaterThan(0);
    expect(mappingFromDraft(draft)).toEqual({ version: 1, ...preset.mapping });
  });

  it('round-trips every preset into a valid mapping', () => {
    for (const preset of IMPORT_PRESETS) {
      const again = mappingFromDraft(draftFromMapping(preset.mapping));
      expect(columnMappingSchema.safeParse(again).success, preset.key).toBe(true);
      expect(Object.keys(again.fields).sort(), preset.key).toEqual(
        Object.keys(preset.mapping.fields).sort(),
      );
    }
  });

  it('writes constants and value-map targets in our vocabulary: booleans as booleans, "" as empty', () => {
    let draft = guessDraft('activities', ['Id', 'Type', 'When']);
    draft = withField(draft, 'externalId', { source: 'column', column: 'Id' });
    draft = withField(draft, 'channel', {
      source: 'column',
      column: 'Type',
      values: [
        { from: 'Phone Call', to: 'call' },
        { from: ' Junk ', to: '' },
        { from: '', to: 'email' },
      ],
    });
    draft = withField(draft, 'occurredAt', {
      source: 'column',
      column: 'When',
      format: 'DD.MM.YYYY',
    });
    draft = withField(draft, 'automated', { source: 'constant', constant: 'true' });
    draft = withField(draft, 'sourceSystem', { source: 'constant', constant: 'pipedrive' });
    const mapping = mappingFromDraft({
      ...draft,
      timeZone: ' Europe/Berlin ',
      dateFormat: 'MM/DD/YYYY',
    });
    expect(mapping).toEqual({
      version: 1,
      entity: 'activities',
      timeZone: 'Europe/Berlin',
      dateFormat: 'MM/DD/YYYY',
      fields: {
        externalId: { column: 'Id' },
        sourceSystem: { constant: 'pipedrive' },
        channel: { column: 'Type', values: { 'Phone Call': 'call', Junk: null } },
        occurredAt: { column: 'When', format: 'DD.MM.YYYY' },
        automated: { constant: true },
      },
    });
  });

  it('drops a preset’s rules for a field once a column is picked for it', () => {
    const preset = IMPORT_PRESETS.find((p) => p.key === 'hubspot-activities')!;
    const draft = withField(draftFromMapping(preset.mapping), 'direction', {
      source: 'column',
      column: 'Call direction',
    });
    expect(mappingFromDraft(draft).fields.direction).toEqual({
      column: 'Call direction',
      default: 'outbound',
    });
  });

  it('keeps property columns only for entities that take properties', () => {
    const contacts = { ...guessDraft('contacts', ['Plan']), properties: ['Plan'] };
    expect(mappingFromDraft(contacts).properties).toEqual(['Plan']);
    const reps = { ...guessDraft('reps', ['Plan']), properties: ['Plan'] };
    expect(mappingFromDraft(reps).properties).toBeUndefined();
  });
});

describe('unmappedValues', () => {
  const channel = importFieldSpec('activities', 'channel')!;

  it('lists the distinct sample values the enum does not accept and the map does not cover', () => {
    const cells = ['Phone Call', 'email', 'phone call', 'Note', '', 'LinkedIn'];
    expect(unmappedValues(channel, cells, [])).toEqual(['Phone Call', 'LinkedIn']);
    expect(unmappedValues(channel, cells, [{ from: 'phone call', to: 'call' }])).toEqual([
      'LinkedIn',
    ]);
  });

  it('has nothing to offer once "*" maps any other value', () => {
    expect(unmappedValues(channel, ['LinkedIn'], [{ from: '*', to: 'task' }])).toEqual([]);
  });
});

describe('columnCells', () => {
  it('reads one column of the sample, or nothing when the header lacks it', () => {
    expect(columnCells(['a', 'b'], [['1', '2'], ['3']], 'b')).toEqual(['2', '']);
    expect(columnCells(['a'], [['1']], 'z')).toEqual([]);
  });
});

describe('describeKeptRules', () => {
  it('says which columns a preset reads for a field', () => {
    expect(describeKeptRules({ columns: ['Record ID', 'Activity ID'] })).toBe(
      "the first non-empty of 'Record ID', 'Activity ID'",
    );
    expect(
      describeKeptRules({
        cases: [
          { when: { column: 'Activity type', in: ['Incoming email'] }, value: 'inbound' },
          { when: [{ column: 'Call direction', in: ['Inbound'] }], value: 'inbound' },
        ],
      }),
    ).toBe("2 rules on 'Activity type', 'Call direction'");
  });
});
