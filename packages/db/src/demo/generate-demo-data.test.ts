import { describe, expect, it } from 'vitest';
import type { ExcludedReason } from '../schema/database';
import { demoCadenceChange } from './demo-cadence-change';
import { type DemoDataOptions, resolveDemoOptions } from './demo-options';
import type {
  DemoActivity,
  DemoCapacity,
  DemoContact,
  DemoDeal,
  DemoEngagementEvent,
} from './demo-rows';
import { type DemoData, generateDemoData } from './generate-demo-data';

const END = new Date('2026-11-23T05:00:00Z'); // local midnight in New York
const SMALL = { reps: 8, contacts: 500, activities: 6_000 };

function collect(data: DemoData) {
  const flat = <T>(batches: Iterable<T[]>) => [...batches].flat();
  return {
    reps: data.reps,
    capacity: flat<DemoCapacity>(data.capacity()),
    contacts: flat<DemoContact>(data.contacts()),
    deals: flat<DemoDeal>(data.deals()),
    engagementEvents: flat<DemoEngagementEvent>(data.engagementEvents()),
    activities: flat<DemoActivity>(data.activities()),
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(date: Date, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      hour: 'numeric',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    hour: Number(get('hour')),
    weekday: get('weekday'),
    date: `${get('year')}-${get('month')}-${get('day')}`,
  };
}

describe('generateDemoData: determinism', () => {
  const options: DemoDataOptions = { seed: 7, end: END, scale: SMALL };

  it('gives identical rows for the same seed and options, whatever the batch size', () => {
    const a = collect(generateDemoData(options));
    const b = collect(generateDemoData(options));
    const c = collect(generateDemoData({ ...options, batchSize: 777 }));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('replays the same rows when a generator is called again', () => {
    const data = generateDemoData(options);
    expect([...data.activities()].flat()).toEqual([...data.activities()].flat());
  });

  it('gives different rows for a different seed', () => {
    const a = collect(generateDemoData(options));
    const b = collect(generateDemoData({ ...options, seed: 8 }));
    expect(b.activities.length).toBe(a.activities.length);
    expect(b.activities).not.toEqual(a.activities);
    expect(b.contacts).not.toEqual(a.contacts);
    expect(b.reps).not.toEqual(a.reps);
  });

  it('rejects options that cannot produce data, in one sentence', () => {
    expect(() => resolveDemoOptions({ seed: 1, end: new Date('nope') })).toThrow(
      /end must be a valid Date/,
    );
    expect(() => resolveDemoOptions({ seed: 1, end: END, months: 0 })).toThrow(/months must be/);
    expect(() =>
      resolveDemoOptions({ seed: 1, end: END, scale: { reps: 0, contacts: 1, activities: 1 } }),
    ).toThrow(/reps must be a positive whole number/);
    expect(() => generateDemoData({ seed: 1, end: END, timeZone: 'Mars/Olympus' })).toThrow(
      /unknown time zone/,
    );
  });
});

describe('generateDemoData at the demo scale', () => {
  const options: DemoDataOptions = { seed: 20261123, end: END, scale: 'demo' };
  const data = generateDemoData(options);
  const rows = collect(data);
  const windowStart = data.windowStart.getTime();
  const end = END.getTime();

  it('produces exactly the announced counts, in batches of at most 10,000', () => {
    expect(data.counts).toMatchObject({ reps: 24, contacts: 6_000, activities: 80_000 });
    expect(data.counts.capacity).toBeGreaterThan(2_500);
    expect(data.counts.capacity).toBeLessThan(5_000);
    expect(data.counts.deals).toBeGreaterThan(300);
    expect(data.counts.deals).toBeLessThan(1_500);
    expect(data.counts.engagementEvents).toBeGreaterThan(6_000);
    expect(data.counts.engagementEvents).toBeLessThan(30_000);
    expect({
      reps: rows.reps.length,
      capacity: rows.capacity.length,
      contacts: rows.contacts.length,
      deals: rows.deals.length,
      engagementEvents: rows.engagementEvents.length,
      activities: rows.activities.length,
    }).toEqual(data.counts);
    for (const batch of data.activities()) expect(batch.length).toBeLessThanOrEqual(10_000);
  });

  it('covers 7 months before the end, from local midnight', () => {
    expect(data.windowStart.toISOString()).toBe('2026-04-23T04:00:00.000Z');
    const range = (times: number[]): [number, number] => [
      times.reduce((lo, t) => Math.min(lo, t), Infinity),
      times.reduce((hi, t) => Math.max(hi, t), -Infinity),
    ];
    const [first, last] = range(rows.activities.map((a) => a.occurredAt.getTime()));
    expect(first).toBeGreaterThanOrEqual(windowStart);
    expect(last).toBeLessThan(end);
    expect(range(rows.engagementEvents.map((e) => e.occurredAt.getTime()))[1]).toBeLessThan(end);
    expect(range(rows.contacts.map((c) => c.createdAt.getTime()))[1]).toBeLessThan(end);
  });

  it('has reps in teams and segments, some joining or leaving, with daily capacity and PTO', () => {
    expect(new Set(rows.reps.map((r) => r.team))).toEqual(
      new Set(['Team A', 'Team B', 'Team C', 'Team D', 'Team E', 'Team F']),
    );
    expect(new Set(rows.reps.map((r) => r.segment))).toEqual(
      new Set(['smb', 'mid_market', 'enterprise']),
    );
    const startDate = data.windowStart.toISOString().slice(0, 10);
    expect(rows.reps.some((r) => r.activeTo !== null || r.activeFrom > startDate)).toBe(true);
    expect(rows.reps.every((r) => /^\d+\.\d{2}$/.test(r.defaultSellingHours))).toBe(true);
    const pto = rows.capacity.filter((c) => c.sellingHours === '0.00').length;
    expect(pto / rows.capacity.length).toBeGreaterThan(0.005);
    expect(pto / rows.capacity.length).toBeLessThan(0.1);
    expect(new Set(rows.capacity.map((c) => c.sellingHours)).size).toBeGreaterThan(5);
  });

  it('moves contacts through the lifecycle, at rates that differ by source', () => {
    const stages = new Set(rows.contacts.map((c) => c.lifecycleStage));
    expect(stages).toEqual(
      new Set(['lead', 'contact', 'opportunity', 'customer', 'former_customer']),
    );
    const sources = new Set(rows.contacts.map((c) => c.source));
    expect(sources).toEqual(
      new Set(['organic_search', 'paid_search', 'referral', 'events', 'outbound', 'partner']),
    );
    const qualifiedShare = (source: string) => {
      const of = rows.contacts.filter((c) => c.source === source);
      return of.filter((c) => c.qualifiedAt !== null).length / of.length;
    };
    expect(qualifiedShare('referral')).toBeGreaterThan(1.8 * qualifiedShare('outbound'));
    for (const c of rows.contacts) {
      if (c.qualifiedAt) expect(c.qualifiedAt.getTime()).toBeGreaterThan(c.createdAt.getTime());
      if (c.customerAt)
        expect(c.customerAt.getTime()).toBeGreaterThan(c.qualifiedAt?.getTime() ?? Infinity);
      if (c.lifecycleStage === 'customer' || c.lifecycleStage === 'former_customer')
        expect(c.customerAt).not.toBeNull();
    }
    expect(rows.contacts.some((c) => c.ownerRepIndex === null)).toBe(true);
  });

  it('has deals with decimal amounts, won and lost and open', () => {
    expect(new Set(rows.deals.map((d) => d.outcome))).toEqual(new Set(['won', 'lost', null]));
    for (const d of rows.deals) {
      expect(d.amount).toMatch(/^\d+\.\d{2}$/);
      expect(d.closedAt === null).toBe(d.outcome === null);
      if (d.outcome === 'won')
        expect(rows.contacts[d.contactIndex]?.customerAt).toEqual(d.closedAt);
    }
  });

  it('has engagement events of every type with properties', () => {
    expect(new Set(rows.engagementEvents.map((e) => e.type))).toEqual(
      new Set(['page_view', 'email_open', 'email_click', 'form_submit']),
    );
    expect(rows.engagementEvents.some((e) => e.properties.page === '/pricing')).toBe(true);
  });

  it('mixes in every kind of activity the counting rules exclude, at low rates', () => {
    const planted = new Map<ExcludedReason | null, number>();
    for (const a of rows.activities)
      planted.set(a.plantedExclusion, (planted.get(a.plantedExclusion) ?? 0) + 1);
    for (const reason of [
      'deleted',
      'no_contact',
      'internal_note',
      'system_event',
      'duplicate',
    ] as const) {
      const share = (planted.get(reason) ?? 0) / rows.activities.length;
      expect(share, reason).toBeGreaterThan(0.003);
      expect(share, reason).toBeLessThan(0.05);
    }
    const inconsistent = rows.activities.filter(
      (a) =>
        (a.plantedExclusion === 'deleted') !== (a.deletedAt !== null) ||
        (a.plantedExclusion === 'no_contact' && a.contactIndex !== null) ||
        (a.plantedExclusion === 'internal_note' && a.channel !== 'note') ||
        (a.plantedExclusion === 'system_event' && !a.systemGenerated),
    );
    expect(inconsistent).toEqual([]);
  });

  it('plants duplicates as re-syncs of a counted touch a few seconds later, under another id', () => {
    const byKey = new Map<string, DemoActivity[]>();
    for (const a of rows.activities) {
      if (a.plantedExclusion !== null) continue;
      const key = `${a.contactIndex}/${a.repIndex}/${a.channel}`;
      const list = byKey.get(key);
      if (list) list.push(a);
      else byKey.set(key, [a]);
    }
    const duplicates = rows.activities.filter((a) => a.plantedExclusion === 'duplicate');
    expect(new Set(duplicates.map((d) => d.sourceSystem)).size).toBeGreaterThan(1);
    const orphans = duplicates.filter((d) => {
      const originals = byKey.get(`${d.contactIndex}/${d.repIndex}/${d.channel}`) ?? [];
      return !originals.some(
        (o) =>
          Math.abs(o.occurredAt.getTime() - d.occurredAt.getTime()) <= 8_000 &&
          `${o.sourceSystem}/${o.externalId}` !== `${d.sourceSystem}/${d.externalId}`,
      );
    });
    expect(orphans).toEqual([]);
    const ids = new Set(rows.activities.map((a) => `${a.sourceSystem}/${a.externalId}`));
    expect(ids.size).toBe(rows.activities.length);
  });

  it('has every channel, sizeable automated email, replies and booked meetings', () => {
    const channels = new Set(rows.activities.map((a) => a.channel));
    expect(channels).toEqual(new Set(['call', 'email', 'meeting', 'social', 'task', 'note']));
    const emails = rows.activities.filter((a) => a.channel === 'email');
    const automatedShare = emails.filter((a) => a.automated).length / emails.length;
    expect(automatedShare).toBeGreaterThan(0.25);
    expect(automatedShare).toBeLessThan(0.6);
    const outbound = rows.activities.filter(
      (a) => a.direction === 'outbound' && a.plantedExclusion === null,
    );
    const replyRate = outbound.filter((a) => a.replied).length / outbound.length;
    const meetingRate = outbound.filter((a) => a.meetingBooked).length / outbound.length;
    expect(replyRate).toBeGreaterThan(0.01);
    expect(replyRate).toBeLessThan(0.1);
    expect(meetingRate).toBeGreaterThan(0.003);
    expect(meetingRate).toBeLessThan(0.05);
    expect(rows.activities.some((a) => a.direction === 'inbound')).toBe(true);
  });

  it('touches a contact only after it was created, mostly by its owner', () => {
    let byOwner = 0;
    let withContact = 0;
    let beforeCreated = 0;
    for (const a of rows.activities) {
      if (a.contactIndex === null) continue;
      const contact = rows.contacts[a.contactIndex];
      if (!contact || a.occurredAt <= contact.createdAt) beforeCreated++;
      withContact++;
      if (contact?.ownerRepIndex === a.repIndex) byOwner++;
    }
    expect(beforeCreated).toBe(0);
    expect(byOwner / withContact).toBeGreaterThan(0.9);
  });

  it('is busier on weekdays, in business hours of the time zone', () => {
    const perWeekday = new Map<string, number>();
    let manualInHours = 0;
    let manual = 0;
    for (const a of rows.activities) {
      const local = localParts(a.occurredAt, 'America/New_York');
      perWeekday.set(local.weekday, (perWeekday.get(local.weekday) ?? 0) + 1);
      // Manual work (a duplicate re-sync may land a few seconds after its original).
      if (!a.automated && !a.systemGenerated && a.plantedExclusion !== 'duplicate') {
        manual++;
        if (local.hour >= 7 && local.hour < 20) manualInHours++;
      }
    }
    expect(perWeekday.get('Tue') ?? 0).toBeGreaterThan(10 * (perWeekday.get('Sun') ?? 0));
    expect(perWeekday.get('Wed') ?? 0).toBeGreaterThan(perWeekday.get('Fri') ?? 0);
    expect(manualInHours).toBe(manual);
  });

  it("steps up Team A's calls per rep-day from the cadence change on", () => {
    const change = demoCadenceChange(options);
    expect(change).toEqual(data.cadenceChange);
    expect(change.team).toBe('Team A');
    expect(localParts(change.startsAt, 'America/New_York')).toMatchObject({
      weekday: 'Mon',
      date: change.date,
      hour: 0,
    });
    const weeksBeforeEnd = (end - change.startsAt.getTime()) / (7 * 86_400_000);
    expect(weeksBeforeEnd).toBeGreaterThan(9.5);
    expect(weeksBeforeEnd).toBeLessThan(11);

    const teamA = new Set(rows.reps.filter((r) => r.team === 'Team A').map((r) => r.index));
    const repDays = { before: 0, after: 0 };
    for (const c of rows.capacity) {
      if (teamA.has(c.repIndex) && c.sellingHours !== '0.00')
        repDays[c.day < change.date ? 'before' : 'after']++;
    }
    const calls = { before: 0, after: 0 };
    for (const a of rows.activities) {
      if (a.channel !== 'call' || a.plantedExclusion !== null || !teamA.has(a.repIndex ?? -1))
        continue;
      calls[a.occurredAt < change.startsAt ? 'before' : 'after']++;
    }
    const ratio = calls.after / repDays.after / (calls.before / repDays.before);
    expect(ratio).toBeGreaterThanOrEqual(1.25);
    expect(ratio).toBeLessThan(1.7);
  });
});

describe('generateDemoData elsewhere', () => {
  it('follows the time zone it is given', () => {
    const data = generateDemoData({
      seed: 3,
      end: END,
      timeZone: 'Europe/Berlin',
      months: 2,
      scale: SMALL,
    });
    const rows = collect(data);
    expect(localParts(data.windowStart, 'Europe/Berlin')).toMatchObject({
      date: '2026-09-23',
      hour: 0,
    });
    for (const a of rows.activities) {
      if (a.automated || a.systemGenerated || a.plantedExclusion === 'duplicate') continue;
      const hour = localParts(a.occurredAt, 'Europe/Berlin').hour;
      expect(hour).toBeGreaterThanOrEqual(7);
      expect(hour).toBeLessThan(20);
    }
  });

  it('cuts a partial last day at the end instant', () => {
    const cut = new Date('2026-11-20T19:30:00Z'); // 14:30 on a Friday in New York
    const rows = collect(generateDemoData({ seed: 4, end: cut, months: 1, scale: SMALL }));
    const last = rows.activities.reduce((max, a) => Math.max(max, a.occurredAt.getTime()), 0);
    expect(last).toBeLessThan(cut.getTime());
    expect(
      rows.activities.some(
        (a) => localParts(a.occurredAt, 'America/New_York').date === '2026-11-20',
      ),
    ).toBe(true);
  });

  it('plans the bench scale without producing its rows up front', () => {
    const data = generateDemoData({ seed: 1, end: END, scale: 'bench' });
    expect(data.counts).toMatchObject({ reps: 300, contacts: 500_000, activities: 5_000_000 });
    expect(new Set(data.reps.map((r) => r.team)).size).toBe(12);
    const first = data.activities().next();
    expect(first.done).toBe(false);
    expect(first.value?.length).toBe(10_000);
  });
});
