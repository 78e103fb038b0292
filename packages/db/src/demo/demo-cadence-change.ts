/**
 * The intervention planted in the demo data: one team's call cadence steps up on a known
 * Monday about ten weeks before the end, so the impact analysis has a real effect to find.
 */
import { type DemoDataOptions, resolveDemoOptions } from './demo-options';
import { type DemoWindow, demoWindow } from './demo-window';
import { dateOfDayNumber } from './zoned-calendar';

export interface DemoCadenceChange {
  /** The team whose reps call more from `date` on. */
  team: string;
  /** The first local day of the new cadence, "YYYY-MM-DD" (a Monday). */
  date: string;
  /** Local midnight of `date`, in the data's time zone. */
  startsAt: Date;
  /** Calls per rep per selling day after ÷ before, in expectation. */
  callRateMultiplier: number;
}

export const CADENCE_CHANGE_TEAM = 'Team A';
export const CADENCE_CALL_MULTIPLIER = 1.4;

/** @internal Computes the change on an already resolved window. */
export function cadenceChangeIn(window: DemoWindow): DemoCadenceChange {
  const dayCount = window.lastDayNumber - window.firstDayNumber + 1;
  const target = window.calendar.dayNumberAt(window.endMs) - Math.min(70, Math.floor(dayCount / 2));
  const monday = target - (window.calendar.day(target).weekday - 1);
  return {
    team: CADENCE_CHANGE_TEAM,
    date: dateOfDayNumber(monday),
    startsAt: new Date(window.calendar.day(monday).startMs),
    callRateMultiplier: CADENCE_CALL_MULTIPLIER,
  };
}

/**
 * When and for whom the demo data's call cadence changes.
 *
 * @example
 * demoCadenceChange({ seed: 7, end: new Date('2026-11-23T05:00:00Z') });
 * // { team: 'Team A', date: '2026-09-14', startsAt: 2026-09-14T04:00:00.000Z, callRateMultiplier: 1.4 }
 */
export function demoCadenceChange(options: DemoDataOptions): DemoCadenceChange {
  return cadenceChangeIn(demoWindow(resolveDemoOptions(options)));
}
