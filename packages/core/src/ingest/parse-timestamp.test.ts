// Tests for the hand-written date scanner: every supported format, and the reasons it gives.

import { describe, expect, it } from 'vitest';
import {
  type DateFormat,
  emptyTimestampParts,
  scanTimestamp,
  type TimestampParts,
  wallMsOf,
} from './parse-timestamp';

function scan(text: string, format: DateFormat): TimestampParts | string {
  const parts = emptyTimestampParts();
  return scanTimestamp(text, format, parts) ?? { ...parts };
}

function wall(text: string, format: DateFormat): string {
  const parts = scan(text, format);
  if (typeof parts === 'string') throw new Error(parts);
  const offset = Number.isNaN(parts.offsetMs) ? 'naive' : String(parts.offsetMs / 60_000);
  return `${new Date(wallMsOf(parts)).toISOString()} ${offset}`;
}

describe('scanTimestamp', () => {
  it('reads ISO 8601 dates, date-times, fractions and offsets', () => {
    expect(wall('2026-03-02', 'iso')).toBe('2026-03-02T00:00:00.000Z naive');
    expect(wall('2026-03-02 14:05', 'iso')).toBe('2026-03-02T14:05:00.000Z naive');
    expect(wall('2026-03-02T14:05:09', 'iso')).toBe('2026-03-02T14:05:09.000Z naive');
    expect(wall('2026-03-02T14:05:09.123456Z', 'iso')).toBe('2026-03-02T14:05:09.123Z 0');
    expect(wall('2026-03-02T15:05:00+01:00', 'iso')).toBe('2026-03-02T15:05:00.000Z 60');
    expect(wall('2026-03-02T09:05:00.000-0500', 'iso')).toBe('2026-03-02T09:05:00.000Z -300');
    expect(wall('2026-03-02 14:05 UTC', 'iso')).toBe('2026-03-02T14:05:00.000Z 0');
  });

  it('reads month-first and day-first dates with 24-hour and AM/PM times', () => {
    expect(wall('3/2/2026', 'MM/DD/YYYY')).toBe('2026-03-02T00:00:00.000Z naive');
    expect(wall('03/02/2026 2:05 PM', 'MM/DD/YYYY')).toBe('2026-03-02T14:05:00.000Z naive');
    expect(wall('3/2/2026, 12:30 am', 'MM/DD/YYYY')).toBe('2026-03-02T00:30:00.000Z naive');
    expect(wall('3/2/2026 12:30:15 PM', 'MM/DD/YYYY')).toBe('2026-03-02T12:30:15.000Z naive');
    expect(wall('02/03/2026 14:05', 'DD/MM/YYYY')).toBe('2026-03-02T14:05:00.000Z naive');
    expect(wall('2.3.2026 14:05:30', 'DD.MM.YYYY')).toBe('2026-03-02T14:05:30.000Z naive');
  });

  it('reads Unix epochs in milliseconds and seconds', () => {
    expect(scan('1772460300000', 'epoch_ms')).toMatchObject({ epochMs: 1772460300000 });
    expect(scan('1772460300', 'epoch_s')).toMatchObject({ epochMs: 1772460300000 });
    expect(scan('1772460300.5', 'epoch_s')).toMatchObject({ epochMs: 1772460300500 });
  });

  it('names the expected format when a value does not match it', () => {
    expect(scan('2026-03-02', 'MM/DD/YYYY')).toBe(
      "'2026-03-02' is not a date in the expected format MM/DD/YYYY[ HH:mm[:ss][ AM/PM]]",
    );
    expect(scan('3/2/26', 'MM/DD/YYYY')).toMatch(/expected format MM\/DD\/YYYY/);
    expect(scan('yesterday', 'iso')).toMatch(
      /^'yesterday' is not a date in the expected format ISO 8601/,
    );
    expect(scan('13:00 PM 3/2/2026', 'MM/DD/YYYY')).toMatch(/expected format/);
    expect(scan('3/2/2026 13:00 PM', 'MM/DD/YYYY')).toMatch(/expected format/);
    expect(scan('1e12', 'epoch_ms')).toMatch(/Unix time in milliseconds/);
  });

  it('refuses impossible calendar dates and times with the reason', () => {
    expect(scan('2026-02-30', 'iso')).toBe(
      "'2026-02-30' is not a real date: February 2026 has 28 days",
    );
    expect(scan('2028-02-29', 'iso')).not.toBeTypeOf('string');
    expect(scan('13/25/2026', 'MM/DD/YYYY')).toBe(
      "'13/25/2026' has month 13; months run from 1 to 12 (expected MM/DD/YYYY[ HH:mm[:ss][ AM/PM]])",
    );
    expect(scan('2026-03-02 24:10', 'iso')).toBe(
      "'2026-03-02 24:10' has a time of day out of range; hours run 0-23, minutes and seconds 0-59",
    );
    expect(scan('1772460300000', 'epoch_s')).toBe(
      "'1772460300000' is too large for Unix seconds (it looks like milliseconds); choose the format epoch_ms",
    );
  });
});
