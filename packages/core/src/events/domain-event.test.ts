import { describe, expect, it } from 'vitest';
import { changesWorkspaceData, DOMAIN_EVENT_TYPES, isDomainEventType } from './domain-event';
import { parseRecordedDomainEvent } from './recorded-domain-event';

describe('domain events', () => {
  const stored = {
    id: 7,
    workspaceId: 'ws-1',
    recordedAt: new Date('2026-11-25T10:00:00Z'),
  };

  it('lists every type of the union once', () => {
    expect(DOMAIN_EVENT_TYPES).toEqual([
      'import.committed',
      'counting.changed',
      'notifications.added',
      'score.backfill_requested',
    ]);
    expect(isDomainEventType('counting.changed')).toBe(true);
    expect(isDomainEventType('alert.raised')).toBe(false);
  });

  it('reads a stored event back into its typed shape', () => {
    const event = parseRecordedDomainEvent({
      ...stored,
      type: 'import.committed',
      payload: {
        importId: 'imp-1',
        entity: 'activities',
        dataVersion: 3,
        changedFrom: '2026-03-01T00:00:00.000Z',
        changedTo: null,
      },
    });
    expect(event).toMatchObject({ id: 7, type: 'import.committed', payload: { dataVersion: 3 } });
    expect(changesWorkspaceData(event)).toBe(true);
  });

  it('names the bad field of a payload that does not fit its type', () => {
    expect(() =>
      parseRecordedDomainEvent({
        ...stored,
        type: 'counting.changed',
        payload: { dataVersion: 'four', changes: {} },
      }),
    ).toThrow(/dataVersion/);
    expect(() =>
      parseRecordedDomainEvent({ ...stored, type: 'alert.raised', payload: {} }),
    ).toThrow();
  });
});
