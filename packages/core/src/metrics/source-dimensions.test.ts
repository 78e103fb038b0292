// Tests for the dimensions of a source: which it has, and the errors naming a wrong one.

import { describe, expect, it } from 'vitest';
import { thrownDomainError } from '../domain-error.test-helpers';
import {
  checkDimensionValue,
  dimensionsOf,
  isKnownDimension,
  knownDimensions,
  resolveSourceDimension,
  sourceHasDimension,
} from './source-dimensions';

describe('dimensions of a source', () => {
  it('lists each source its dimensions in the engine order, custom properties last', () => {
    expect(dimensionsOf('capacity')).toEqual(['rep', 'team', 'rep_segment', 'has_selling_hours']);
    expect(dimensionsOf('engagement_events')).toEqual([
      'segment',
      'source',
      'lifecycle_stage',
      'event_type',
      'properties.<key>',
    ]);
    expect(dimensionsOf('activities').slice(0, 7)).toEqual([
      'channel',
      'direction',
      'automated',
      'replied',
      'meeting_booked',
      'source_system',
      'rep',
    ]);
    expect(knownDimensions().at(-1)).toBe('properties.<key>');
  });

  it('knows a dimension some source has, and custom properties where contacts are reached', () => {
    expect(isKnownDimension('has_selling_hours')).toBe(true);
    expect(isKnownDimension('properties.industry')).toBe(true);
    expect(isKnownDimension('colour')).toBe(false);
    expect(sourceHasDimension('capacity', 'properties.industry')).toBe(false);
    expect(sourceHasDimension('deals', 'properties.industry')).toBe(true);
    expect(sourceHasDimension('contacts', 'channel')).toBe(false);
  });

  it('says whether the row holds the value or reaches it through the rep or contact', () => {
    expect(resolveSourceDimension('activities', 'channel').onRow).toBe(true);
    expect(resolveSourceDimension('activities', 'rep').onRow).toBe(true);
    expect(resolveSourceDimension('activities', 'team').onRow).toBe(false);
    expect(resolveSourceDimension('activities', 'segment').onRow).toBe(false);
    expect(resolveSourceDimension('contacts', 'segment').onRow).toBe(true);
    expect(resolveSourceDimension('contacts', 'properties.tier')).toMatchObject({
      propertyKey: 'tier',
      kind: 'text',
      onRow: true,
    });
    expect(resolveSourceDimension('deals', 'properties.tier').onRow).toBe(false);
  });

  it('names the dimension, the sources it applies to and what the source has', () => {
    const notHere = thrownDomainError(() => resolveSourceDimension('contacts', 'channel'));
    expect(notHere.code).toBe('unknown_dimension');
    expect(notHere.message).toBe(
      'dimension "channel" does not apply to contacts (only to activities); contacts has rep, team, rep_segment, segment, source, lifecycle_stage, properties.<key>',
    );
    expect(notHere.details).toEqual({ dimension: 'channel', source: 'contacts' });
    const unknown = thrownDomainError(() => resolveSourceDimension('capacity', 'colour'));
    expect(unknown.message).toBe(
      'unknown dimension "colour"; capacity has rep, team, rep_segment, has_selling_hours',
    );
    const property = thrownDomainError(() => resolveSourceDimension('capacity', 'properties.tier'));
    expect(property.message).toMatch(
      /^dimension "properties.tier" does not apply to capacity \(only to activities, contacts, deals, engagement_events\)/,
    );
    const badKey = thrownDomainError(() => resolveSourceDimension('contacts', 'properties.a-b'));
    expect(badKey).toMatchObject({
      code: 'invalid_filter',
      details: { dimension: 'properties.a-b' },
    });
    expect(thrownDomainError(() => resolveSourceDimension('planets' as never, 'team')).code).toBe(
      'invalid_metric',
    );
  });

  it('checks a value by the kind of its dimension', () => {
    const check = (source: 'activities' | 'deals', name: string, value: string) =>
      checkDimensionValue(resolveSourceDimension(source, name), value);
    expect(check('activities', 'automated', 'false')).toBe(false);
    expect(check('activities', 'rep', '42')).toBe('42');
    expect(check('activities', 'channel', 'call')).toBe('call');
    expect(check('deals', 'outcome', 'closed')).toBe('closed');
    expect(check('activities', 'team', 'anything at all')).toBe('anything at all');
    expect(thrownDomainError(() => check('activities', 'channel', 'fax')).message).toBe(
      'filter channel=fax: expected one of call, email, meeting, social, task, note',
    );
    expect(thrownDomainError(() => check('activities', 'automated', 'yes')).message).toBe(
      'filter automated=yes: expected true or false',
    );
    expect(thrownDomainError(() => check('activities', 'rep', 'R1')).details).toEqual({
      dimension: 'rep',
      value: 'R1',
    });
    expect(thrownDomainError(() => check('activities', 'team', 3 as never)).message).toBe(
      'filter team=3: expected a text value',
    );
  });
});
