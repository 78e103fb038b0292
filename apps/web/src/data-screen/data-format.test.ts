import { describe, expect, it } from 'vitest';
import {
  excludedReasonLabel,
  excludedSummary,
  excludedTotal,
  formatBytes,
  formatRelativeTime,
} from './data-format';

describe('formatRelativeTime', () => {
  const now = new Date('2026-03-02T10:03:20Z');

  it('says how long ago in the largest whole unit', () => {
    expect(formatRelativeTime('2026-03-02T10:00:00Z', now, 'en-US')).toBe('3 minutes ago');
    expect(formatRelativeTime('2026-03-02T07:00:00Z', now, 'en-US')).toBe('3 hours ago');
    expect(formatRelativeTime('2026-03-01T09:00:00Z', now, 'en-US')).toBe('yesterday');
    expect(formatRelativeTime('2026-02-01T09:00:00Z', now, 'en-US')).toBe('4 weeks ago');
  });

  it('says "now" under a minute, and speaks the locale', () => {
    expect(formatRelativeTime('2026-03-02T10:03:00Z', now, 'en-US')).toBe('now');
    expect(formatRelativeTime('2026-03-02T10:00:00Z', now, 'de-DE')).toBe('vor 3 Minuten');
  });
});

describe('formatBytes', () => {
  it('uses the largest fitting unit', () => {
    expect(formatBytes(512, 'en-US')).toBe('512 bytes');
    expect(formatBytes(1536, 'en-US')).toBe('1.5 kB');
    expect(formatBytes(2_500_000, 'en-US')).toBe('2.5 MB');
  });
});

describe('excluded reasons', () => {
  it('sums and summarizes the non-zero reasons, largest first', () => {
    const excluded = { duplicate: 3, no_contact: 0, deleted: 1, internal_note: 7 };
    expect(excludedTotal(excluded)).toBe(11);
    expect(excludedSummary(excluded, 'en-US')).toEqual([
      'Internal note 7',
      'Duplicate 3',
      'Deleted 1',
    ]);
  });

  it('names a reason this build does not know by its words', () => {
    expect(excludedReasonLabel('out_of_office')).toBe('out of office');
  });
});
