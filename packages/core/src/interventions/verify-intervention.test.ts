import { describe, expect, it } from 'vitest';
import { countRateChange } from './count-test';
import { describeVerdict } from './describe-verdict';
import { verifyIntervention } from './verify-intervention';

const noise = [0.05, -0.04, 0.02, -0.03, 0.04, -0.05, 0.01, 0.03, -0.02, -0.01, 0.02, -0.03];
const teamA = noise.map((n, i) => 2 + n + (i >= 6 ? 0.3 : 0));
const others = noise.map((n, i) => 1.5 - n / 2 + (i % 2 ? 0.01 : 0));
const context = {
  nodeName: 'Calls per contact',
  treatedName: 'Team A',
  comparisonName: 'the other teams',
  startLabel: '14 Sep',
  mde: 0.1,
};

describe('verifyIntervention', () => {
  it('verifies a step against the comparison and says so in one sentence', () => {
    const v = verifyIntervention({
      startIndex: 6,
      treated: { values: teamA },
      comparison: { values: others },
      direction: 'up',
      mde: 0.1,
    });
    expect(v.verdict).toBe('verified');
    expect(v.effect).toBeGreaterThan(0.2);
    const sentence = describeVerdict(v, context);
    expect(sentence).toMatch(
      /^Calls per contact for Team A rose by 0\.\d\d a week \(95% CI 0\.\d\d to 0\.\d\d\) against the other teams; the rise was not there before 14 Sep\.$/,
    );
  });

  it('an intervention expected to lower the number is adverse when it rose', () => {
    const v = verifyIntervention({
      startIndex: 6,
      treated: { values: teamA },
      comparison: { values: others },
      direction: 'down',
      mde: 0.1,
    });
    expect([v.verdict, v.reason]).toEqual(['not_verified', 'adverse']);
  });

  it('a gap already widening before the start fails the pre-trend check: never verified', () => {
    const widening = others.map((c, i) => c + 0.5 + 0.06 * i);
    const v = verifyIntervention({
      startIndex: 6,
      treated: { values: widening },
      comparison: { values: others },
      direction: 'up',
      mde: 0.1,
    });
    expect(v.checks.find((c) => c.name === 'pre_trend')?.passed).toBe(false);
    expect(v.verdict).toBe('inconclusive');
    expect(v.reason).toBe('checks_failed');
    expect(describeVerdict(v, context)).toContain('already moving');
  });

  it('missing weeks are skipped, and the gates count what is left', () => {
    const gappy = teamA.map((v, i) => (i === 1 || i === 3 ? null : v));
    const v = verifyIntervention({
      startIndex: 6,
      treated: { values: gappy },
      comparison: { values: others },
      direction: 'up',
      mde: 0.1,
    });
    expect([v.verdict, v.reason, v.periodsBefore, v.periodsAfter]).toEqual([
      'inconclusive',
      'insufficient_data',
      4,
      6,
    ]);
    expect(describeVerdict(v, context)).toBe(
      'Not enough data yet: 4 weeks before 14 Sep and 6 after; the check needs at least 6 before and 4 after.',
    );
  });

  it('a start in the future is waiting for data; a scope without data says so', () => {
    const future = verifyIntervention({
      startIndex: 12,
      treated: { values: teamA },
      direction: 'up',
      mde: 0.1,
    });
    expect([future.verdict, future.reason]).toEqual(['inconclusive', 'waiting_for_data']);
    const empty = verifyIntervention({
      startIndex: 6,
      treated: { values: teamA.map(() => null) },
      direction: 'up',
      mde: 0.1,
    });
    expect([empty.verdict, empty.reason]).toEqual(['inconclusive', 'no_data']);
    expect(describeVerdict(empty, context)).toContain('no data for Team A');
  });

  it('without a comparison, a level step beyond the trend is verified by the time series', () => {
    const y = noise.map((n, i) => 10 + 0.1 * i + n + (i >= 6 ? 1 : 0));
    const v = verifyIntervention({
      startIndex: 6,
      treated: { values: y },
      direction: 'up',
      mde: 0.2,
    });
    expect(v.method).toBe('interrupted_time_series');
    expect(v.verdict).toBe('verified');
    expect(v.effect).toBeGreaterThan(0.7);
    expect(describeVerdict(v, { ...context, comparisonName: null })).toContain(
      'beyond its earlier trend',
    );
  });

  it('count outcomes are tested on the summed counts', () => {
    const r = countRateChange('proportion', {
      before: { events: 40, exposure: 400 },
      after: { events: 80, exposure: 400 },
    });
    expect(r.estimate).toBeCloseTo(0.1, 10);
    // se = sqrt(.1·.9/400 + .2·.8/400)
    expect(r.se).toBeCloseTo(Math.sqrt(0.09 / 400 + 0.16 / 400), 10);
    expect(r.ci95[0]).toBeCloseTo(0.1 - 1.959964 * r.se, 5);
    const weeks = 12;
    const meetings = Array.from({ length: weeks }, (_, i) => (i >= 6 ? 30 : 15));
    const contacts = Array.from({ length: weeks }, () => 100);
    const v = verifyIntervention({
      startIndex: 6,
      treated: {
        values: meetings.map((m, i) => m / contacts[i]!),
        numerators: meetings,
        denominators: contacts,
      },
      comparison: {
        values: contacts.map(() => 0.15),
        numerators: contacts.map(() => 15),
        denominators: contacts,
      },
      direction: 'up',
      mde: 0.05,
      outcome: 'proportion',
    });
    expect(v.method).toBe('count_rate_difference');
    expect(v.df).toBeNull();
    expect(v.effect).toBeCloseTo(0.15, 10);
    expect(v.verdict).toBe('verified');
  });
});
