/**
 * The movement planted in the demo's last complete week: the email sequencing tool of two
 * teams (Team B and Team C) stops for that week: their reps send almost no email, the
 * sequence's steps landing on their task lists instead (for the same contacts, so as many
 * contacts stay active), and emails per contact drop by about a third while calls and
 * meetings stay in their noise.
 * On a fresh start the movement alerts reach the emails branch's Accountable owner.
 */
import { type DemoDataOptions, resolveDemoOptions } from './demo-options';
import { type DemoWindow, demoWindow } from './demo-window';
import { dateOfDayNumber } from './zoned-calendar';

export interface DemoSequencingOutage {
  /** The teams whose email sequences stop (by index: 1 is Team B). */
  teamIndexes: readonly number[];
  teams: readonly string[];
  /** The Monday the outage starts, "YYYY-MM-DD" (the last complete week's first day). */
  date: string;
  /** Local midnight of `date`. */
  startsAt: Date;
  /** Local midnight a week later. */
  endsAt: Date;
  /** Emails of those teams' reps during the outage ÷ before, in expectation. */
  emailMultiplier: number;
}

export const OUTAGE_TEAM_INDEXES = [1, 2] as const;
export const OUTAGE_EMAIL_MULTIPLIER = 0.05;

/** @internal The outage on an already resolved window: the last complete Monday-week. */
export function sequencingOutageIn(window: DemoWindow): DemoSequencingOutage {
  const endDay = window.calendar.dayNumberAt(window.endMs);
  const thisMonday = endDay - (window.calendar.day(endDay).weekday - 1);
  const monday = thisMonday - 7;
  return {
    teamIndexes: OUTAGE_TEAM_INDEXES,
    teams: OUTAGE_TEAM_INDEXES.map((i) => `Team ${String.fromCharCode(65 + i)}`),
    date: dateOfDayNumber(monday),
    startsAt: new Date(window.calendar.day(monday).startMs),
    endsAt: new Date(window.calendar.day(thisMonday).startMs),
    emailMultiplier: OUTAGE_EMAIL_MULTIPLIER,
  };
}

/**
 * @example demoSequencingOutage({ seed: 7, end: new Date('2026-11-25T12:00:00Z') }).date // '2026-11-16'
 */
export function demoSequencingOutage(options: DemoDataOptions): DemoSequencingOutage {
  return sequencingOutageIn(demoWindow(resolveDemoOptions(options)));
}
