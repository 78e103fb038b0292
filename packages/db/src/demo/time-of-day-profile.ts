/**
 * When in the local day something happens: a piecewise-uniform distribution over the 24
 * hours, with truncated sampling so a partial last day (the data end in mid-afternoon)
 * only gets times before its end, in the right proportion.
 */
import type { SeededRandom } from './seeded-random';

export class TimeOfDayProfile {
  private readonly cumulative: number[];
  private readonly total: number;

  /** `hourWeights[h]` is the relative share of the hour h:00–h:59. */
  constructor(readonly hourWeights: readonly number[]) {
    if (hourWeights.length !== 24)
      throw new RangeError('a time-of-day profile needs 24 hourly weights');
    let sum = 0;
    this.cumulative = hourWeights.map((w) => {
      sum += w;
      return sum;
    });
    this.total = sum;
  }

  /** The share of the day's weight before `second` (0..1). */
  shareBefore(second: number): number {
    if (second <= 0) return 0;
    if (second >= 86_400) return 1;
    const hour = Math.floor(second / 3600);
    const before = hour === 0 ? 0 : (this.cumulative[hour - 1] ?? 0);
    const within = (this.hourWeights[hour] ?? 0) * ((second - hour * 3600) / 3600);
    return (before + within) / this.total;
  }

  /** A whole second of the day, drawn from the profile, strictly before `limitSecond`. */
  sample(random: SeededRandom, limitSecond = 86_400): number {
    const limitMass = this.shareBefore(limitSecond) * this.total;
    const u = random.next() * limitMass;
    let hour = 0;
    while (hour < 23 && (this.cumulative[hour] ?? 0) <= u) hour++;
    const before = hour === 0 ? 0 : (this.cumulative[hour - 1] ?? 0);
    const weight = this.hourWeights[hour] ?? 1;
    const second = Math.floor(hour * 3600 + ((u - before) / weight) * 3600);
    return Math.min(second, Math.ceil(limitSecond) - 1);
  }
}

/** Manual selling work: 8:00–18:00 with a morning peak and a lunch dip. */
export const WORKDAY_PROFILE = new TimeOfDayProfile([
  0, 0, 0, 0, 0, 0, 0, 0.2, 0.7, 1, 1.1, 1, 0.5, 0.8, 1, 1, 0.9, 0.5, 0.2, 0.05, 0, 0, 0, 0,
]);

/** Sequence emails sent by automation: spread 6:00–20:00, heavier in the morning. */
export const AUTOMATION_PROFILE = new TimeOfDayProfile([
  0, 0, 0, 0, 0, 0, 0.4, 1, 1.2, 1, 0.8, 0.7, 0.6, 0.7, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0, 0, 0, 0,
]);

/** People arriving (sign-ups, website visits): all day, mostly business hours. */
export const VISITOR_PROFILE = new TimeOfDayProfile([
  0.05, 0.03, 0.02, 0.02, 0.03, 0.05, 0.15, 0.35, 0.7, 0.9, 1, 1, 0.9, 0.95, 1, 0.95, 0.85, 0.7,
  0.55, 0.5, 0.45, 0.35, 0.2, 0.1,
]);
