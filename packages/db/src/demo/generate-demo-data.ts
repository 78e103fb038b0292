/**
 * Deterministic, realistic CRM data for demos, tests and benchmarks: reps in teams,
 * their daily capacity, contacts moving through the lifecycle, deals, engagement events,
 * and activities with the dirt real CRMs carry (internal notes, system events, duplicate
 * syncs, touches with no contact, deleted records) mixed in at low rates.
 *
 * Pure: no I/O. Small parts (reps, counts) are computed at once; the large ones are
 * generator functions that yield batches of `batchSize` rows, so five million activities
 * never sit in memory together. Each call of a generator function starts the sequence
 * afresh and yields the same rows again.
 */
import type {
  Channel,
  Direction,
  EngagementEventType,
  ExcludedReason,
  LifecycleStage,
} from '../schema/database';
import type { DemoCadenceChange } from './demo-cadence-change';
import { type DemoDataOptions, type ResolvedDemoOptions, resolveDemoOptions } from './demo-options';
import {
  accountName,
  CHANNELS,
  DAY_MS,
  type DemoPlan,
  eventSpan,
  planDemo,
  quartersToHours,
  SEGMENTS,
  SOURCES,
} from './demo-plan';
import type {
  DemoActivity,
  DemoCapacity,
  DemoContact,
  DemoCounts,
  DemoDeal,
  DemoEngagementEvent,
  DemoRep,
} from './demo-rows';
import {
  CAMPAIGNS,
  COUNTRIES,
  FIRST_NAMES,
  FORMS,
  JOB_TITLES,
  LAST_NAMES,
  WEB_PAGES,
} from './demo-vocabulary';
import { SeededRandom } from './seeded-random';
import { AUTOMATION_PROFILE, WORKDAY_PROFILE } from './time-of-day-profile';

export interface DemoData {
  options: ResolvedDemoOptions;
  /** Local midnight of the first day. */
  windowStart: Date;
  /** Exclusive end (options.end). */
  end: Date;
  reps: readonly DemoRep[];
  /** Exact row counts of every entity, known before any row is produced. */
  counts: DemoCounts;
  cadenceChange: DemoCadenceChange;
  capacity(): Generator<DemoCapacity[]>;
  contacts(): Generator<DemoContact[]>;
  deals(): Generator<DemoDeal[]>;
  engagementEvents(): Generator<DemoEngagementEvent[]>;
  activities(): Generator<DemoActivity[]>;
}

/** Rates of the planted dirt, per activity row (of the rows of the named channels). */
const DELETED_RATE = 0.007;
const DUPLICATE_RATE = 0.02;
const NO_CONTACT_RATE = 0.012; // of calls and emails
const SYSTEM_EVENT_RATE = 0.2; // of tasks: stage changes, owner assignments logged by the CRM
const AUTOMATED_EMAIL_RATE = [0.5, 0.45, 0.35];
const OUTCOME_SEGMENT_FACTOR = [1.1, 1, 0.85];
const RECENT_DAYS = 45;

/** Where a duplicate of a channel's activity comes from (a second integration syncing it). */
const DUPLICATE_SOURCE: Record<Channel, readonly [string, string]> = {
  call: ['aircall', 'ac'],
  email: ['outreach', 'or'],
  meeting: ['salesforce', 'sf'],
  social: ['salesforce', 'sf'],
  task: ['salesforce', 'sf'],
  note: ['salesforce', 'sf'],
};

function* inBatches<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function lifecycleAt(plan: DemoPlan, i: number): LifecycleStage {
  const c = plan.contacts;
  const end = plan.window.endMs;
  if ((c.churnMs[i] ?? Number.NaN) < end) return 'former_customer';
  if (c.outcome[i] === 1 && (c.closeMs[i] ?? Number.NaN) < end) return 'customer';
  // A lost deal sends the contact back to nurturing.
  if (
    (c.opportunityMs[i] ?? Number.NaN) < end &&
    !(c.outcome[i] === 2 && (c.closeMs[i] ?? Number.NaN) < end)
  ) {
    return 'opportunity';
  }
  if ((c.qualifiedMs[i] ?? Number.NaN) < end) return 'contact';
  return 'lead';
}

function dateBefore(ms: number, end: number): Date | null {
  return ms < end ? new Date(ms) : null;
}

function* capacityRows(plan: DemoPlan): Generator<DemoCapacity> {
  const repCount = plan.reps.length;
  for (const day of plan.days) {
    for (let r = 0; r < repCount; r++) {
      const cell = day.index * repCount + r;
      const selling = plan.sellingQuarters[cell] ?? -1;
      if (selling < 0) continue;
      yield {
        repIndex: r,
        day: day.date,
        sellingHours: quartersToHours(selling),
        adminHours: quartersToHours(plan.adminQuarters[cell] ?? 0),
      };
    }
  }
}

function* contactRows(plan: DemoPlan): Generator<DemoContact> {
  const random = new SeededRandom(plan.options.seed, 'contact-rows');
  const c = plan.contacts;
  const end = plan.window.endMs;
  for (let i = 0; i < c.count; i++) {
    const segmentIndex = c.segment[i] ?? 0;
    const account = accountName(plan.options.seed, segmentIndex, c.accountNo[i] ?? 0);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const domain = `${account.split(' ').slice(0, 2).join('').toLowerCase()}.example`;
    const lifecycleStage = lifecycleAt(plan, i);
    const properties: Record<string, unknown> = {
      first_name: first,
      last_name: last,
      email: `${first}.${last}.${i + 1}@${domain}`.toLowerCase(),
      job_title: random.pick(JOB_TITLES),
      country: random.pick(COUNTRIES),
    };
    if (lifecycleStage === 'former_customer')
      properties.churned_at = new Date(c.churnMs[i] ?? 0).toISOString();
    const owner = c.owner[i] ?? -1;
    yield {
      index: i,
      externalId: `c-${String(i + 1).padStart(7, '0')}`,
      createdAt: new Date(c.createdMs[i] ?? 0),
      qualifiedAt: dateBefore(c.qualifiedMs[i] ?? Number.NaN, end),
      customerAt: c.outcome[i] === 1 ? dateBefore(c.closeMs[i] ?? Number.NaN, end) : null,
      lifecycleStage,
      source: SOURCES[c.source[i] ?? 0] ?? 'organic_search',
      segment: SEGMENTS[segmentIndex] ?? 'smb',
      ownerRepIndex: owner < 0 ? null : owner,
      account,
      properties,
    };
  }
}

const DEAL_MEDIAN_AMOUNT = [9_000, 35_000, 140_000];
const OPEN_STAGES = ['discovery', 'demo', 'proposal', 'negotiation'] as const;

function* dealRows(plan: DemoPlan): Generator<DemoDeal> {
  const random = new SeededRandom(plan.options.seed, 'deals');
  const c = plan.contacts;
  const end = plan.window.endMs;
  let n = 0;
  for (let i = 0; i < c.count; i++) {
    const opened = c.opportunityMs[i] ?? Number.NaN;
    if (!(opened < end)) continue;
    const segmentIndex = c.segment[i] ?? 0;
    const close = c.closeMs[i] ?? Number.NaN;
    const closed = close < end;
    const dollars = Math.max(
      500,
      Math.round(random.logNormal(DEAL_MEDIAN_AMOUNT[segmentIndex] ?? 10_000, 0.6) / 10) * 10,
    );
    // Open deals advance through the stages as the cycle elapses.
    const progress = closed ? 1 : (end - opened) / Math.max(DAY_MS, close - opened);
    const owner = c.owner[i] ?? -1;
    n++;
    yield {
      externalId: `d-${String(n).padStart(6, '0')}`,
      contactIndex: i,
      ownerRepIndex: owner < 0 ? null : owner,
      account: accountName(plan.options.seed, segmentIndex, c.accountNo[i] ?? 0),
      createdAt: new Date(opened),
      closedAt: closed ? new Date(close) : null,
      stage: closed
        ? c.outcome[i] === 1
          ? 'closed_won'
          : 'closed_lost'
        : (OPEN_STAGES[Math.min(3, Math.floor(progress * 4))] ?? 'discovery'),
      outcome: closed ? (c.outcome[i] === 1 ? 'won' : 'lost') : null,
      amount: `${dollars}.00`,
    };
  }
}

const EVENT_TYPES: readonly EngagementEventType[] = [
  'page_view',
  'email_open',
  'email_click',
  'form_submit',
];
const EVENT_TYPE_WEIGHTS = [0.58, 0.27, 0.08, 0.07];

/** Extra reply and pricing-page chances of a contact that goes on to win (scoring's lift). */
const CONVERTING_EXTRA_REPLY_RATE = 0.12;
const CONVERTING_PRICING_RATE = 0.45;

/** Whether the contact becomes a customer after `ms` (its deal is won and closes later). */
function convertsAfter(plan: DemoPlan, contactIndex: number, ms: number): boolean {
  const c = plan.contacts;
  return c.outcome[contactIndex] === 1 && (c.closeMs[contactIndex] ?? 0) > ms;
}

function* engagementEventRows(plan: DemoPlan): Generator<DemoEngagementEvent> {
  const random = new SeededRandom(plan.options.seed, 'events');
  const pricing = new SeededRandom(plan.options.seed, 'converting-pricing');
  const c = plan.contacts;
  let n = 0;
  for (let i = 0; i < c.count; i++) {
    const events = c.eventCount[i] ?? 0;
    if (events === 0) continue;
    const [from, to] = eventSpan(c.createdMs[i] ?? 0, c.createdDayIndex[i] ?? -1, plan.window);
    for (let k = 0; k < events; k++) {
      const type = EVENT_TYPES[random.weighted(EVENT_TYPE_WEIGHTS)] ?? 'page_view';
      let properties: Record<string, unknown>;
      if (type === 'page_view') {
        const page = random.pick(WEB_PAGES);
        // Pricing pages draw contacts that go on to win (a stream of its own keeps the rest).
        const leaning = c.outcome[i] === 1 && pricing.chance(CONVERTING_PRICING_RATE);
        properties = { page: leaning ? '/pricing' : page };
      } else if (type === 'form_submit')
        properties = { form: random.pick(FORMS), page: random.pick(WEB_PAGES) };
      else if (type === 'email_click')
        properties = { campaign: random.pick(CAMPAIGNS), url: random.pick(WEB_PAGES) };
      else properties = { campaign: random.pick(CAMPAIGNS) };
      n++;
      yield {
        externalId: `ev-${n}`,
        contactIndex: i,
        type,
        occurredAt: new Date(Math.floor(from + random.next() * (to - from))),
        properties,
      };
    }
  }
}

/**
 * Picks the contact a rep touches on a day: mostly the rep's own contacts, recent arrivals
 * (leads being worked) more often than the long tail. Pointers only move forward, so the
 * whole run costs one pass over each rep's contacts.
 */
class ContactPicker {
  private readonly own: Int32Array[];
  private readonly ownCreated: number[];
  private readonly ownRecent: number[];
  private readonly segmentContacts: Int32Array[];
  private readonly segmentCreated: number[];
  private allCreated = 0;

  constructor(
    private readonly plan: DemoPlan,
    private readonly random: SeededRandom,
  ) {
    const c = plan.contacts;
    const perRep = plan.reps.map(() => [] as number[]);
    const perSegment = SEGMENTS.map(() => [] as number[]);
    for (let i = 0; i < c.count; i++) {
      const owner = c.owner[i] ?? -1;
      if (owner >= 0) perRep[owner]?.push(i);
      perSegment[c.segment[i] ?? 0]?.push(i);
    }
    this.own = perRep.map((list) => Int32Array.from(list));
    this.ownCreated = perRep.map(() => 0);
    this.ownRecent = perRep.map(() => 0);
    this.segmentContacts = perSegment.map((list) => Int32Array.from(list));
    this.segmentCreated = perSegment.map(() => 0);
  }

  /** Moves every pointer to a day: contacts created before it are available. */
  advanceTo(dayStartMs: number): void {
    const created = this.plan.contacts.createdMs;
    const recentFrom = dayStartMs - RECENT_DAYS * DAY_MS;
    for (let r = 0; r < this.own.length; r++) {
      const list = this.own[r] ?? new Int32Array();
      let p = this.ownCreated[r] ?? 0;
      while (p < list.length && (created[list[p] ?? 0] ?? 0) < dayStartMs) p++;
      this.ownCreated[r] = p;
      let q = this.ownRecent[r] ?? 0;
      while (q < p && (created[list[q] ?? 0] ?? 0) < recentFrom) q++;
      this.ownRecent[r] = q;
    }
    for (let s = 0; s < this.segmentContacts.length; s++) {
      const list = this.segmentContacts[s] ?? new Int32Array();
      let p = this.segmentCreated[s] ?? 0;
      while (p < list.length && (created[list[p] ?? 0] ?? 0) < dayStartMs) p++;
      this.segmentCreated[s] = p;
    }
    while (this.allCreated < created.length && (created[this.allCreated] ?? 0) < dayStartMs)
      this.allCreated++;
  }

  pick(repIndex: number, segmentIndex: number): number {
    const list = this.own[repIndex];
    const available = this.ownCreated[repIndex] ?? 0;
    if (list && available > 0) {
      const recent = this.ownRecent[repIndex] ?? 0;
      if (recent < available && this.random.chance(0.55)) {
        return list[recent + this.random.int(available - recent)] ?? 0;
      }
      return list[this.random.int(available)] ?? 0;
    }
    // A new rep without contacts of their own yet covers the segment's.
    const segmentList = this.segmentContacts[segmentIndex];
    const inSegment = this.segmentCreated[segmentIndex] ?? 0;
    if (segmentList && inSegment > 0) return segmentList[this.random.int(inSegment)] ?? 0;
    return this.allCreated > 0 ? this.random.int(this.allCreated) : 0;
  }
}

function* activityRows(plan: DemoPlan): Generator<DemoActivity> {
  const random = new SeededRandom(plan.options.seed, 'activities');
  const replyBoost = new SeededRandom(plan.options.seed, 'converting-replies');
  const picker = new ContactPicker(plan, random);
  const reps = plan.reps;
  const channels = CHANNELS.length;
  const end = plan.window.endMs;
  const calendar = plan.window.calendar;
  let seq = 0;
  for (const day of plan.days) {
    picker.advanceTo(day.startMs);
    for (const rep of reps) {
      const segment = rep.segmentIndex;
      const outcomeFactor = OUTCOME_SEGMENT_FACTOR[segment] ?? 1;
      for (let c = 0; c < channels; c++) {
        const n = plan.activityCells[(day.index * reps.length + rep.index) * channels + c] ?? 0;
        if (n === 0) continue;
        const channel = CHANNELS[c] ?? 'task';
        let original: DemoActivity | null = null;
        for (let k = 0; k < n; k++) {
          seq++;
          let planted: ExcludedReason | null = null;
          if (random.chance(DELETED_RATE)) planted = 'deleted';
          else if (channel === 'note') planted = 'internal_note';
          else if (original && random.chance(DUPLICATE_RATE)) planted = 'duplicate';
          else if ((channel === 'call' || channel === 'email') && random.chance(NO_CONTACT_RATE))
            planted = 'no_contact';
          else if (channel === 'task' && random.chance(SYSTEM_EVENT_RATE)) planted = 'system_event';

          if (planted === 'duplicate' && original) {
            // The same touch synced again by a second integration (or re-logged under a new
            // id by the same one) a few seconds later.
            const [sourceSystem, prefix] = random.chance(0.25)
              ? (['hubspot', 'hs'] as const)
              : DUPLICATE_SOURCE[channel];
            const shifted = original.occurredAt.getTime() + random.int(9) * 1000;
            yield {
              ...original,
              externalId: `${prefix}-${seq}`,
              sourceSystem,
              occurredAt: new Date(shifted < end ? shifted : original.occurredAt.getTime()),
              plantedExclusion: 'duplicate',
            };
            continue;
          }

          let direction: Direction = 'outbound';
          let automated = false;
          let replied = false;
          let meetingBooked = false;
          const systemGenerated = planted === 'system_event';
          if (channel === 'email') {
            automated = random.chance(AUTOMATED_EMAIL_RATE[segment] ?? 0.45);
            if (!automated && random.chance(0.15)) direction = 'inbound';
            else if (automated) {
              replied = random.chance(0.025 * outcomeFactor);
              meetingBooked = random.chance(0.004 * outcomeFactor);
            } else {
              replied = random.chance(0.07 * outcomeFactor);
              meetingBooked = random.chance(0.012 * outcomeFactor);
            }
          } else if (channel === 'call') {
            if (random.chance(0.1)) direction = 'inbound';
            else meetingBooked = random.chance(0.035 * outcomeFactor);
          } else if (channel === 'meeting') {
            if (random.chance(0.2)) direction = 'inbound';
          } else if (channel === 'social') {
            replied = random.chance(0.05 * outcomeFactor);
            meetingBooked = random.chance(0.006 * outcomeFactor);
          }
          const profile = automated || systemGenerated ? AUTOMATION_PROFILE : WORKDAY_PROFILE;
          const occurredMs = calendar.instantAt(
            day.dayNumber,
            profile.sample(random, day.limitSecond),
          );
          const contactIndex = planted === 'no_contact' ? null : picker.pick(rep.index, segment);
          // Contacts on their way to winning reply more (scoring's lift, docs/product.md §7),
          // drawn from a stream of their own so every other draw stays as it was.
          if (
            !replied &&
            channel === 'email' &&
            !automated &&
            direction === 'outbound' &&
            contactIndex !== null &&
            convertsAfter(plan, contactIndex, occurredMs) &&
            replyBoost.chance(CONVERTING_EXTRA_REPLY_RATE)
          ) {
            replied = true;
          }
          // Deleted in the CRM some seconds to days later (but before the data end).
          const deletedAt =
            planted === 'deleted'
              ? new Date(
                  Math.max(
                    occurredMs,
                    Math.min(end - 1, occurredMs + (1 + random.int(10 * 86_400)) * 1000),
                  ),
                )
              : null;
          const row: DemoActivity = {
            externalId: `hs-${seq}`,
            sourceSystem: 'hubspot',
            contactIndex,
            repIndex: rep.index,
            channel,
            occurredAt: new Date(occurredMs),
            direction,
            automated,
            systemGenerated,
            replied,
            meetingBooked,
            deletedAt,
            plantedExclusion: planted,
          };
          if (planted === null) original = row;
          yield row;
        }
      }
    }
  }
}

/**
 * Plans the demo data and returns lazy, repeatable batch generators for its rows.
 *
 * @example
 * const data = generateDemoData({ seed: 42, end: new Date('2026-11-23T05:00:00Z'), scale: 'demo' });
 * data.counts; // { reps: 24, contacts: 6000, activities: 80000, ... }
 * for (const batch of data.activities()) console.log(batch.length); // 10000, 10000, ...
 */
export function generateDemoData(options: DemoDataOptions): DemoData {
  const resolved = resolveDemoOptions(options);
  const plan = planDemo(resolved);
  const size = resolved.batchSize;
  const reps: DemoRep[] = plan.reps.map((r) => ({
    index: r.index,
    externalId: r.externalId,
    name: r.name,
    team: r.team,
    segment: r.segment,
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
    defaultSellingHours: r.defaultSellingHours,
    defaultAdminHours: r.defaultAdminHours,
  }));
  return {
    options: resolved,
    windowStart: new Date(plan.window.startMs),
    end: new Date(plan.window.endMs),
    reps,
    counts: { ...plan.counts },
    cadenceChange: plan.cadenceChange,
    capacity: () => inBatches(capacityRows(plan), size),
    contacts: () => inBatches(contactRows(plan), size),
    deals: () => inBatches(dealRows(plan), size),
    engagementEvents: () => inBatches(engagementEventRows(plan), size),
    activities: () => inBatches(activityRows(plan), size),
  };
}
