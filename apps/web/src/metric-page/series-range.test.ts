import { describe, expect, it } from 'vitest';
import { RANGE_CHOICES, seriesRange } from './series-range';

describe('seriesRange', () => {
  const now = new Date('2026-11-23T09:00:00Z');

  it('ends now, so the last period is the current one, to date', () => {
    expect(seriesRange('month', 6, now).to).toBe('2026-11-23T09:00:00.000Z');
  });

  it('starts at least one whole period more than asked before now', () => {
    for (const grain of ['week', 'month', 'quarter'] as const) {
      for (const count of RANGE_CHOICES[grain]) {
        const { from } = seriesRange(grain, count, now);
        const days = (now.getTime() - Date.parse(from)) / 86_400_000;
        const longest = { week: 7, month: 31, quarter: 92 }[grain];
        expect(days).toBeGreaterThanOrEqual((count + 1) * longest);
      }
    }
  });
});
