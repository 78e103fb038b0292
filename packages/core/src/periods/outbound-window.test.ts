// Tests for the outbound window a benchmark is compared over.

import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { outboundWindow } from './outbound-window';

describe('outboundWindow', () => {
  it('spans whole local days ending at a period end, across DST', () => {
    // 1 Nov 2026 00:00 in New York; 30 days back crosses no DST change (it is on 1 Nov at 2:00).
    expect(outboundWindow('2026-11-01T04:00:00Z', 30, { timeZone: 'America/New_York' })).toEqual({
      grain: 'day',
      start: '2026-10-02T04:00:00.000Z',
      end: '2026-11-01T04:00:00.000Z',
    });
    // The window that ends 1 Dec spans the fall-back day: 30 local days, 721 hours.
    const window = outboundWindow('2026-12-01T05:00:00Z', 30, { timeZone: 'America/New_York' });
    expect(window.start).toBe('2026-11-01T04:00:00.000Z');
    expect((Date.parse(window.end) - Date.parse(window.start)) / 3_600_000).toBe(721);
  });

  it('rejects a window outside 1–365 days', () => {
    expect(() => outboundWindow('2026-11-01T00:00:00Z', 0, { timeZone: 'UTC' })).toThrow(
      /1 to 365/,
    );
    try {
      outboundWindow('2026-11-01T00:00:00Z', 400, { timeZone: 'UTC' });
    } catch (error) {
      expect(isDomainError(error, 'invalid_outbound_window')).toBe(true);
    }
  });
});
