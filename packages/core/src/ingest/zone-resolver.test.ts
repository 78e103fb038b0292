// Tests for naive wall times in IANA zones: plain hours, the spring-forward gap and the fall-back overlap.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetAt } from '../periods/zoned-time';
import { resolveWallTime, zoneResolverFor } from './zone-resolver';

const at = (y: number, mo: number, d: number, h: number, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const isoOf = (ms: number) => new Date(ms).toISOString();

describe('zoneResolverFor', () => {
  it('reads ordinary wall times with the zone offset', () => {
    const newYork = zoneResolverFor('America/New_York');
    expect(isoOf(newYork.toInstant(at(2026, 3, 2, 9, 5)))).toBe('2026-03-02T14:05:00.000Z');
    expect(isoOf(newYork.toInstant(at(2026, 7, 1, 9, 5)))).toBe('2026-07-01T13:05:00.000Z');
    expect(isoOf(zoneResolverFor('Asia/Kolkata').toInstant(at(2026, 3, 2, 9, 5)))).toBe(
      '2026-03-02T03:35:00.000Z',
    );
    expect(zoneResolverFor('UTC').toInstant(at(2026, 3, 2, 9, 5))).toBe(at(2026, 3, 2, 9, 5));
  });

  it('shifts a time in the spring-forward gap forward by the gap', () => {
    const berlin = zoneResolverFor('Europe/Berlin');
    // 02:30 on 29 March 2026 does not exist in Berlin: read as 03:30 CEST.
    expect(isoOf(berlin.toInstant(at(2026, 3, 29, 2, 30)))).toBe('2026-03-29T01:30:00.000Z');
    expect(isoOf(berlin.toInstant(at(2026, 3, 29, 1, 59)))).toBe('2026-03-29T00:59:00.000Z');
    expect(isoOf(berlin.toInstant(at(2026, 3, 29, 3, 0)))).toBe('2026-03-29T01:00:00.000Z');
    // Lord Howe jumps by 30 minutes at 02:00: 02:15 is read as 02:45 (+11).
    expect(isoOf(zoneResolverFor('Australia/Lord_Howe').toInstant(at(2026, 10, 4, 2, 15)))).toBe(
      '2026-10-03T15:45:00.000Z',
    );
  });

  it('takes the earlier offset (the first occurrence) for a time in the fall-back overlap', () => {
    const berlin = zoneResolverFor('Europe/Berlin');
    expect(isoOf(berlin.toInstant(at(2026, 10, 25, 2, 30)))).toBe('2026-10-25T00:30:00.000Z');
    expect(isoOf(berlin.toInstant(at(2026, 10, 25, 3, 0)))).toBe('2026-10-25T02:00:00.000Z');
    expect(isoOf(berlin.toInstant(at(2026, 10, 25, 1, 59)))).toBe('2026-10-24T23:59:00.000Z');
  });

  it('agrees with the uncached resolution at every minute around transitions', () => {
    const transitions: [string, number][] = [
      ['Europe/Berlin', at(2026, 3, 29, 2)],
      ['Europe/Berlin', at(2026, 10, 25, 3)],
      ['America/New_York', at(2026, 3, 8, 2)],
      ['America/New_York', at(2026, 11, 1, 2)],
      ['America/Santiago', at(2026, 4, 5, 0)],
      ['America/Santiago', at(2026, 9, 6, 0)],
      ['Australia/Lord_Howe', at(2026, 4, 5, 2)],
      ['Australia/Lord_Howe', at(2026, 10, 4, 2)],
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...transitions),
        fc.integer({ min: -36 * 60, max: 36 * 60 }),
        ([zone, transition], minutes) => {
          const wall = transition + minutes * 60_000;
          const instant = zoneResolverFor(zone).toInstant(wall);
          expect(instant).toBe(resolveWallTime(wall, zone));
          // The instant reads back as the wall time, or later when the wall time was in a gap.
          expect(instant + offsetAt(instant, zone)).toBeGreaterThanOrEqual(wall);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('refuses unknown zones', () => {
    expect(() => zoneResolverFor('Mars/Olympus')).toThrow(/unknown time zone 'Mars\/Olympus'/);
  });
});
