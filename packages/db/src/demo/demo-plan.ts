/**
 * The compact, eager part of the demo generator: reps, the calendar, each rep's hours per
 * day, every contact's life (in typed arrays, a few dozen bytes per contact) and how many
 * activities each rep logs on each channel on each day. The rows themselves are produced
 * later, lazily and in batches, from this plan (generate-demo-data.ts).
 */
import type { Channel, Segment } from '../schema/database';
import {
  CADENCE_CALL_MULTIPLIER,
  cadenceChangeIn,
  type DemoCadenceChange,
} from './demo-cadence-change';
import type { ResolvedDemoOptions } from './demo-options';
import type { DemoCounts, DemoRep } from './demo-rows';
import {
  type DemoSequencingOutage,
  OUTAGE_EMAIL_MULTIPLIER,
  sequencingOutageIn,
} from './demo-sequencing-outage';
import {
  ACCOUNT_NOUNS,
  ACCOUNT_PREFIXES,
  ACCOUNT_SUFFIXES,
  FIRST_NAMES,
  LAST_NAMES,
} from './demo-vocabulary';
import { type DemoWindow, demoWindow } from './demo-window';
import { SeededRandom } from './seeded-random';
import { VISITOR_PROFILE, WORKDAY_PROFILE } from './time-of-day-profile';
import { dateOfDayNumber, dayNumberOfDate, type LocalDay } from './zoned-calendar';

export const DAY_MS = 86_400_000;

export const SEGMENTS: readonly Segment[] = ['smb', 'mid_market', 'enterprise'];
export const SOURCES = [
  'organic_search',
  'paid_search',
  'referral',
  'events',
  'outbound',
  'partner',
] as const;
export const CHANNELS: readonly Channel[] = ['call', 'email', 'meeting', 'social', 'task', 'note'];
export const CALL = 0;
export const EMAIL = 1;
export const TASK = 4;

/** Channel mix of a rep's logged work, by the segment the rep sells to (rows sum to 1). */
const CHANNEL_MIX: readonly (readonly number[])[] = [
  [0.34, 0.44, 0.04, 0.07, 0.08, 0.03],
  [0.28, 0.45, 0.08, 0.08, 0.08, 0.03],
  [0.2, 0.44, 0.13, 0.1, 0.09, 0.04],
];
/** Relative activity by ISO weekday (index 0 = Monday). */
const WEEKDAY_FACTOR = [1, 1.08, 1.05, 1, 0.82, 0.05, 0.03];
const SEGMENT_SHARE = [0.5, 0.32, 0.18];
/** Original source shares by segment, in SOURCES order. */
const SOURCE_MIX: readonly (readonly number[])[] = [
  [0.3, 0.22, 0.1, 0.05, 0.23, 0.1],
  [0.22, 0.14, 0.12, 0.12, 0.28, 0.12],
  [0.12, 0.06, 0.15, 0.2, 0.35, 0.12],
];
/** Lead → contact (qualified) probability by source, and its typical lag in days. */
const QUALIFY_RATE = [0.32, 0.24, 0.58, 0.36, 0.18, 0.46];
const QUALIFY_LAG_DAYS = [6, 5, 3, 9, 16, 5];
const QUALIFY_SEGMENT_FACTOR = [1, 0.95, 0.9];
/** Qualified contact → opportunity, by segment, with a source factor. */
const OPPORTUNITY_RATE = [0.42, 0.38, 0.34];
const OPPORTUNITY_SOURCE_FACTOR = [1, 0.85, 1.3, 1, 0.9, 1.2];
const OPPORTUNITY_LAG_DAYS = [7, 12, 20];
/** Opportunity → won, by source, with a segment factor; sales cycle median by segment. */
const WIN_RATE = [0.3, 0.22, 0.45, 0.26, 0.2, 0.38];
const WIN_SEGMENT_FACTOR = [1.15, 1, 0.8];
const CYCLE_DAYS = [18, 40, 85];
const CHURN_RATE = 0.12;
/** Expected engagement events per contact by source. */
const EVENT_RATE = [3.5, 3, 1.5, 2, 0.7, 1.8];
/** Contacts per account, by segment. */
const CONTACTS_PER_ACCOUNT = [1.3, 3, 8];

const PRE_WINDOW_SHARE = 0.35;
const PRE_WINDOW_DAYS = 540;

export interface PlannedRep extends DemoRep {
  teamIndex: number;
  segmentIndex: number;
  productivity: number;
  /** First and last day index (inclusive) of the window the rep works; last < first when never. */
  firstDayIndex: number;
  lastDayIndex: number;
  /** Day index the rep joined, for the ramp-up, or -1 when hired before the window. */
  joinedDayIndex: number;
}

export interface PlannedDay extends LocalDay {
  index: number;
  /** Seconds of the local day before the end (86,400 except on a cut last day). */
  limitSecond: number;
  workday: boolean;
}

/** Every contact's life, one array element per contact, in created_at order. */
export interface ContactPlan {
  count: number;
  createdMs: Float64Array;
  /** Day index of creation, -1 before the window. */
  createdDayIndex: Int32Array;
  segment: Uint8Array;
  source: Uint8Array;
  /** Owner rep index, -1 for an unassigned lead. */
  owner: Int32Array;
  accountNo: Int32Array;
  /** NaN when it never happens; may lie after the end (then it has not happened yet). */
  qualifiedMs: Float64Array;
  opportunityMs: Float64Array;
  closeMs: Float64Array;
  /** 0 none, 1 won, 2 lost (decided at close). */
  outcome: Uint8Array;
  churnMs: Float64Array;
  eventCount: Uint16Array;
}

export interface DemoPlan {
  options: ResolvedDemoOptions;
  window: DemoWindow;
  days: PlannedDay[];
  reps: PlannedRep[];
  cadenceChange: DemoCadenceChange;
  cadenceDayIndex: number;
  /** The email outage of two teams in the last complete week. */
  sequencingOutage: DemoSequencingOutage;
  /** Selling and admin quarter-hours per (day × rep): index day * reps + rep; -1 = no row. */
  sellingQuarters: Int16Array;
  adminQuarters: Int16Array;
  contacts: ContactPlan;
  /** Activity rows per (day, rep, channel): index (day * reps + rep) * 6 + channel. */
  activityCells: Uint32Array;
  counts: DemoCounts;
}

/** Formats quarter-hours as a decimal string ("6.25"). */
export function quartersToHours(quarters: number): string {
  const whole = Math.floor(quarters / 4);
  return `${whole}.${['00', '25', '50', '75'][quarters % 4]}`;
}

function hash32(...values: number[]): number {
  let h = 2166136261;
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 16777619);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/** A company name, the same for every contact of the account. */
export function accountName(seed: number, segmentIndex: number, accountNo: number): string {
  const h = hash32(seed, segmentIndex, accountNo);
  const prefix = ACCOUNT_PREFIXES[h % ACCOUNT_PREFIXES.length];
  const noun = ACCOUNT_NOUNS[(h >>> 8) % ACCOUNT_NOUNS.length];
  const suffix = ACCOUNT_SUFFIXES[(h >>> 20) % ACCOUNT_SUFFIXES.length];
  return `${prefix} ${noun} ${suffix}`;
}

function planDays(window: DemoWindow): PlannedDay[] {
  const days: PlannedDay[] = [];
  for (let n = window.firstDayNumber; n <= window.lastDayNumber; n++) {
    const day = window.calendar.day(n);
    days.push({
      ...day,
      index: n - window.firstDayNumber,
      limitSecond: Math.min(86_400, window.calendar.secondsBefore(n, window.endMs)),
      workday: day.weekday <= 5,
    });
  }
  return days;
}

function planReps(
  options: ResolvedDemoOptions,
  window: DemoWindow,
  dayCount: number,
): PlannedRep[] {
  const random = new SeededRandom(options.seed, 'reps');
  const repCount = options.scale.reps;
  const teamSize = repCount <= 24 ? 4 : 25;
  const teamCount = Math.min(26, Math.max(1, Math.round(repCount / teamSize)));
  const reps: PlannedRep[] = [];
  for (let index = 0; index < repCount; index++) {
    const teamIndex = Math.floor((index * teamCount) / repCount);
    const segmentIndex = teamIndex % 3;
    const sellingQuarters = [20, 22, 24, 26, 28][random.weighted([1, 2, 4, 3, 1])] ?? 24;
    let firstDayIndex = 0;
    let lastDayIndex = dayCount - 1;
    let joinedDayIndex = -1;
    let activeFrom = dateOfDayNumber(window.firstDayNumber - 90 - random.int(1200));
    let activeTo: string | null = null;
    // Team A stays stable so its cadence change is the only thing that moves its numbers.
    if (teamIndex > 0 && random.chance(0.18)) {
      if (random.chance(0.55)) {
        joinedDayIndex = Math.floor(dayCount * random.between(0.05, 0.6));
        firstDayIndex = joinedDayIndex;
        activeFrom = dateOfDayNumber(window.firstDayNumber + joinedDayIndex);
      } else {
        lastDayIndex = Math.floor(dayCount * random.between(0.4, 0.95));
        activeTo = dateOfDayNumber(window.firstDayNumber + lastDayIndex);
      }
    }
    reps.push({
      index,
      externalId: `rep-${String(index + 1).padStart(4, '0')}`,
      name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
      team: `Team ${String.fromCharCode(65 + teamIndex)}`,
      segment: SEGMENTS[segmentIndex] ?? 'smb',
      activeFrom,
      activeTo,
      defaultSellingHours: quartersToHours(sellingQuarters),
      defaultAdminHours: quartersToHours(32 - sellingQuarters),
      teamIndex,
      segmentIndex,
      productivity: Math.min(2.2, Math.max(0.45, random.logNormal(1, 0.3))),
      firstDayIndex,
      lastDayIndex,
      joinedDayIndex,
    });
  }
  return reps;
}

function planCapacity(
  options: ResolvedDemoOptions,
  days: PlannedDay[],
  reps: PlannedRep[],
): { selling: Int16Array; admin: Int16Array; rows: number } {
  const random = new SeededRandom(options.seed, 'capacity');
  const selling = new Int16Array(days.length * reps.length).fill(-1);
  const admin = new Int16Array(days.length * reps.length).fill(-1);
  let rows = 0;
  for (const rep of reps) {
    const defaultSelling = Number(rep.defaultSellingHours) * 4;
    const defaultAdmin = Number(rep.defaultAdminHours) * 4;
    const pto = new Uint8Array(days.length);
    const blocks = random.poisson(options.months * 0.4);
    for (let b = 0; b < blocks; b++) {
      const start = random.int(days.length);
      const length = 1 + random.int(5);
      for (let d = start, worked = 0; d < days.length && worked < length; d++) {
        pto[d] = 1;
        if (days[d]?.workday) worked++;
      }
    }
    for (const day of days) {
      if (!day.workday || day.index < rep.firstDayIndex || day.index > rep.lastDayIndex) continue;
      const cell = day.index * reps.length + rep.index;
      rows++;
      if (pto[day.index]) {
        selling[cell] = 0;
        admin[cell] = 0;
        continue;
      }
      let sellingDay = Math.round(defaultSelling * (1 + 0.07 * random.normal()));
      if (random.chance(0.04)) sellingDay = Math.round(sellingDay / 2);
      selling[cell] = Math.min(34, Math.max(8, sellingDay));
      admin[cell] = Math.min(
        16,
        Math.max(2, Math.round(defaultAdmin * (1 + 0.15 * random.normal()))),
      );
    }
  }
  return { selling, admin, rows };
}

function planContacts(
  options: ResolvedDemoOptions,
  window: DemoWindow,
  days: PlannedDay[],
  reps: PlannedRep[],
): ContactPlan {
  const random = new SeededRandom(options.seed, 'contact-plan');
  const count = options.scale.contacts;
  const endMs = window.endMs;

  // When contacts arrive: a share before the window (the existing database), the rest
  // during it on a slowly growing, weekday-heavy curve.
  const preWindowCount = Math.max(1, Math.round(count * PRE_WINDOW_SHARE));
  const dayWeights: number[] = [];
  const dayNumbers: number[] = [];
  for (let n = window.firstDayNumber - PRE_WINDOW_DAYS; n < window.firstDayNumber; n++) {
    dayNumbers.push(n);
    dayWeights.push(window.calendar.day(n).weekday <= 5 ? 1 : 0.35);
  }
  const preDays = dayNumbers.length;
  for (const day of days) {
    dayNumbers.push(day.dayNumber);
    const trend = 1 + (0.3 * day.index) / days.length;
    dayWeights.push(
      (day.workday ? 1 : 0.35) * trend * VISITOR_PROFILE.shareBefore(day.limitSecond),
    );
  }
  const perDay = new Uint32Array(dayNumbers.length);
  drawDays(random, dayWeights, perDay, preWindowCount, 0, preDays);
  drawDays(random, dayWeights, perDay, count - preWindowCount, preDays, dayNumbers.length);

  const plan: ContactPlan = {
    count,
    createdMs: new Float64Array(count),
    createdDayIndex: new Int32Array(count),
    segment: new Uint8Array(count),
    source: new Uint8Array(count),
    owner: new Int32Array(count),
    accountNo: new Int32Array(count),
    qualifiedMs: new Float64Array(count),
    opportunityMs: new Float64Array(count),
    closeMs: new Float64Array(count),
    outcome: new Uint8Array(count),
    churnMs: new Float64Array(count),
    eventCount: new Uint16Array(count),
  };

  let next = 0;
  const seconds: number[] = [];
  for (let i = 0; i < dayNumbers.length; i++) {
    const n = perDay[i] ?? 0;
    if (n === 0) continue;
    const dayNumber = dayNumbers[i] ?? 0;
    const limit = i < preDays ? 86_400 : (days[i - preDays]?.limitSecond ?? 86_400);
    seconds.length = 0;
    for (let k = 0; k < n; k++) seconds.push(VISITOR_PROFILE.sample(random, limit));
    seconds.sort((a, b) => a - b);
    for (const second of seconds) {
      plan.createdMs[next] = window.calendar.instantAt(dayNumber, second);
      plan.createdDayIndex[next] = i < preDays ? -1 : i - preDays;
      next++;
    }
  }

  // Segments present among the teams (a tiny custom scale may not cover all three).
  const segmentWeights = SEGMENTS.map((_, s) =>
    reps.some((r) => r.segmentIndex === s) ? (SEGMENT_SHARE[s] ?? 0) : 0,
  );
  const accountPools = SEGMENTS.map((_, s) =>
    Math.max(1, Math.round((count * (SEGMENT_SHARE[s] ?? 0)) / (CONTACTS_PER_ACCOUNT[s] ?? 1))),
  );

  // Owners: reps of the contact's segment at work on the day it arrived.
  let eligibleFor = Number.NaN;
  let eligible: number[][] = [];
  const eligibleOn = (dayIndex: number): number[][] => {
    if (dayIndex !== eligibleFor) {
      const at = Math.max(0, dayIndex);
      eligible = SEGMENTS.map((_, s) =>
        reps
          .filter(
            (r) =>
              r.segmentIndex === s &&
              r.firstDayIndex <= at &&
              r.lastDayIndex >= at &&
              (dayIndex >= 0 || r.joinedDayIndex < 0),
          )
          .map((r) => r.index),
      );
      eligibleFor = dayIndex;
    }
    return eligible;
  };

  for (let i = 0; i < count; i++) {
    const created = plan.createdMs[i] ?? 0;
    const segment = random.weighted(segmentWeights);
    const source = random.weighted(SOURCE_MIX[segment] ?? []);
    plan.segment[i] = segment;
    plan.source[i] = source;
    plan.accountNo[i] = random.int(accountPools[segment] ?? 1);

    let qualified = Number.NaN;
    let opportunity = Number.NaN;
    let close = Number.NaN;
    let outcome = 0;
    let churn = Number.NaN;
    if (random.chance((QUALIFY_RATE[source] ?? 0) * (QUALIFY_SEGMENT_FACTOR[segment] ?? 1))) {
      qualified =
        created + Math.max(0.05, random.exponential(QUALIFY_LAG_DAYS[source] ?? 7)) * DAY_MS;
      if (
        random.chance((OPPORTUNITY_RATE[segment] ?? 0) * (OPPORTUNITY_SOURCE_FACTOR[source] ?? 1))
      ) {
        opportunity =
          qualified +
          Math.max(0.1, random.exponential(OPPORTUNITY_LAG_DAYS[segment] ?? 10)) * DAY_MS;
        close =
          opportunity + Math.max(2, random.logNormal(CYCLE_DAYS[segment] ?? 30, 0.5)) * DAY_MS;
        outcome = random.chance((WIN_RATE[source] ?? 0) * (WIN_SEGMENT_FACTOR[segment] ?? 1))
          ? 1
          : 2;
        if (outcome === 1 && random.chance(CHURN_RATE)) {
          churn = close + Math.max(30, random.logNormal(150, 0.5)) * DAY_MS;
        }
      }
    }
    plan.qualifiedMs[i] = qualified;
    plan.opportunityMs[i] = opportunity;
    plan.closeMs[i] = close;
    plan.outcome[i] = outcome;
    plan.churnMs[i] = churn;

    const dayIndex = plan.createdDayIndex[i] ?? -1;
    const candidates = eligibleOn(dayIndex);
    let pool = candidates[segment] ?? [];
    if (pool.length === 0) pool = candidates.flat();
    const neverQualifies = !(qualified < endMs);
    plan.owner[i] =
      pool.length === 0 || (neverQualifies && random.chance(0.03)) ? -1 : random.pick(pool);

    // Engagement events: web visits and email engagement around the contact's arrival.
    const span = eventSpan(created, dayIndex, window);
    const engaged = qualified < endMs ? 1.5 : 0;
    const mean = ((EVENT_RATE[source] ?? 1) + engaged) * (dayIndex < 0 ? 0.4 : 1);
    plan.eventCount[i] = span[1] > span[0] ? Math.min(65_535, random.poisson(mean)) : 0;
  }
  return plan;
}

/** Adds n draws of a day in [from, to), weighted by `weights`, to the per-day tally `into`. */
function drawDays(
  random: SeededRandom,
  weights: number[],
  into: Uint32Array,
  n: number,
  from: number,
  to: number,
): void {
  const cumulative = new Float64Array(to - from);
  let total = 0;
  for (let i = from; i < to; i++) {
    total += weights[i] ?? 0;
    cumulative[i - from] = total;
  }
  for (let k = 0; k < n; k++) {
    const u = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) <= u) lo = mid + 1;
      else hi = mid;
    }
    into[from + lo] = (into[from + lo] ?? 0) + 1;
  }
}

/** The instants [from, to) a contact's engagement events fall in. */
export function eventSpan(
  createdMs: number,
  createdDayIndex: number,
  window: DemoWindow,
): [number, number] {
  if (createdDayIndex < 0) return [window.startMs, window.endMs];
  return [
    Math.max(window.startMs, createdMs - 7 * DAY_MS),
    Math.min(window.endMs, createdMs + 120 * DAY_MS),
  ];
}

function planActivities(
  options: ResolvedDemoOptions,
  days: PlannedDay[],
  reps: PlannedRep[],
  selling: Int16Array,
  cadenceDayIndex: number,
  outage: { fromDayIndex: number; toDayIndex: number; teamIndexes: readonly number[] },
): Uint32Array {
  const random = new SeededRandom(options.seed, 'activity-plan');
  const channels = CHANNELS.length;
  const expected = new Float64Array(days.length * reps.length * channels);
  let total = 0;
  for (const day of days) {
    const workShare = WORKDAY_PROFILE.shareBefore(day.limitSecond);
    const trend = 1 + (0.15 * day.index) / days.length;
    const weekday = WEEKDAY_FACTOR[day.weekday - 1] ?? 1;
    for (const rep of reps) {
      if (day.index < rep.firstDayIndex || day.index > rep.lastDayIndex) continue;
      const capacityCell = day.index * reps.length + rep.index;
      let hoursFactor = 1;
      if (day.workday) {
        const quarters = selling[capacityCell] ?? -1;
        if (quarters <= 0) continue; // PTO
        hoursFactor = quarters / (Number(rep.defaultSellingHours) * 4);
      }
      const ramp =
        rep.joinedDayIndex < 0
          ? 1
          : Math.min(1, 0.4 + (0.6 * (day.index - rep.joinedDayIndex)) / 45);
      const dayVolume =
        rep.productivity *
        ramp *
        weekday *
        hoursFactor *
        trend *
        workShare *
        random.logNormal(1, 0.25);
      const mix = CHANNEL_MIX[rep.segmentIndex] ?? [];
      let toTasks = 0;
      for (let c = 0; c < channels; c++) {
        let e = dayVolume * (mix[c] ?? 0) * random.logNormal(1, 0.2);
        if (c === CALL && rep.teamIndex === 0 && day.index >= cadenceDayIndex)
          e *= CADENCE_CALL_MULTIPLIER;
        if (
          c === EMAIL &&
          outage.teamIndexes.includes(rep.teamIndex) &&
          day.index >= outage.fromDayIndex &&
          day.index < outage.toDayIndex
        ) {
          // The sequence's steps land on the reps' task lists instead, for the same contacts.
          toTasks = e * (1 - OUTAGE_EMAIL_MULTIPLIER);
          e *= OUTAGE_EMAIL_MULTIPLIER;
        }
        if (c === TASK) e += toTasks;
        expected[(day.index * reps.length + rep.index) * channels + c] = e;
        total += e;
      }
    }
  }
  // Scale to the exact target and round systematically: every cell gets the floor or the
  // ceiling of its expectation, and the cells add up to exactly the requested total.
  const target = options.scale.activities;
  const cells = new Uint32Array(expected.length);
  if (total <= 0) throw new RangeError('the demo window has no working day for any rep');
  const scale = target / total;
  let carry = random.next();
  let assigned = 0;
  let largest = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = (expected[i] ?? 0) * scale;
    if (e > (expected[largest] ?? 0) * scale) largest = i;
    const before = Math.floor(carry);
    carry += e;
    const n = Math.floor(carry) - before;
    cells[i] = n;
    assigned += n;
  }
  // Floating-point drift can leave the total one off; settle it on the busiest cells.
  for (let i = largest; assigned !== target; i = (i + 1) % cells.length) {
    if (assigned < target && (expected[i] ?? 0) > 0) {
      cells[i] = (cells[i] ?? 0) + 1;
      assigned++;
    } else if (assigned > target && (cells[i] ?? 0) > 0) {
      cells[i] = (cells[i] ?? 0) - 1;
      assigned--;
    }
  }
  return cells;
}

/** Builds the plan; cheap next to the rows (about a second at bench scale). */
export function planDemo(options: ResolvedDemoOptions): DemoPlan {
  const window = demoWindow(options);
  const days = planDays(window);
  const reps = planReps(options, window, days.length);
  const cadenceChange = cadenceChangeIn(window);
  const cadenceDayIndex = dayNumberOfDate(cadenceChange.date) - window.firstDayNumber;
  const capacity = planCapacity(options, days, reps);
  const contacts = planContacts(options, window, days, reps);
  const sequencingOutage = sequencingOutageIn(window);
  const outageDayIndex = dayNumberOfDate(sequencingOutage.date) - window.firstDayNumber;
  const activityCells = planActivities(options, days, reps, capacity.selling, cadenceDayIndex, {
    fromDayIndex: outageDayIndex,
    toDayIndex: outageDayIndex + 7,
    teamIndexes: sequencingOutage.teamIndexes,
  });
  let deals = 0;
  let engagementEvents = 0;
  for (let i = 0; i < contacts.count; i++) {
    if ((contacts.opportunityMs[i] ?? Number.NaN) < window.endMs) deals++;
    engagementEvents += contacts.eventCount[i] ?? 0;
  }
  return {
    options,
    window,
    days,
    reps,
    cadenceChange,
    cadenceDayIndex,
    sequencingOutage,
    sellingQuarters: capacity.selling,
    adminQuarters: capacity.admin,
    contacts,
    activityCells,
    counts: {
      reps: reps.length,
      capacity: capacity.rows,
      contacts: contacts.count,
      deals,
      engagementEvents,
      activities: options.scale.activities,
    },
  };
}
