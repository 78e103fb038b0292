// The window a benchmark band is compared over: whole local days ending where a period ends.

import { DomainError } from '../domain-error';
import { addDays } from './civil-date';
import { type InstantInput, type Period, resolvePeriodOptions, toEpochMs } from './periods';
import { localDateAt, startOfLocalDay } from './zoned-time';

/** Longest outbound window a tree may set. */
export const MAX_OUTBOUND_WINDOW_DAYS = 365;

/**
 * The `days` whole local days before the local day `end` falls in (a period end is a local
 * midnight, so the window ends exactly there). Benchmarks of touches per contact describe a
 * whole outbound window, so the band is compared with the value over this window, never
 * with a weekly value. The result is a Period the metric engine evaluates like any other.
 *
 * @example
 * outboundWindow('2026-11-01T04:00:00Z', 30, { timeZone: 'America/New_York' });
 * // { grain: 'day', start: '2026-10-02T04:00:00.000Z', end: '2026-11-01T04:00:00.000Z' }
 */
export function outboundWindow(
  end: InstantInput,
  days: number,
  options: { timeZone: string },
): Period {
  const { timeZone } = resolvePeriodOptions(options);
  if (!Number.isInteger(days) || days < 1 || days > MAX_OUTBOUND_WINDOW_DAYS) {
    throw new DomainError(
      'invalid_outbound_window',
      `the outbound window must be a whole number of days from 1 to ${MAX_OUTBOUND_WINDOW_DAYS}, got ${days}`,
      { days },
    );
  }
  const lastDay = localDateAt(toEpochMs(end), timeZone);
  const endMs = startOfLocalDay(lastDay, timeZone);
  const startMs = startOfLocalDay(addDays(lastDay, -days), timeZone);
  return {
    grain: 'day',
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
  };
}
