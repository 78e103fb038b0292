// Turns naive wall-clock readings in an IANA zone into UTC instants fast enough for millions of rows, with a fixed rule for DST gaps and overlaps.

import { offsetAt } from '../periods/zoned-time';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const MARGIN = 6 * HOUR;
/** Past this many cached hours a cache is dropped and rebuilt (bounded memory on odd inputs). */
const MAX_CACHED_HOURS = 500_000;

/**
 * The UTC instant of a wall-clock time in `timeZone`, both as epoch milliseconds (the wall time
 * written as if it were UTC). A time in a spring-forward gap does not exist: it is shifted forward
 * by the length of the gap (02:30 in Berlin on the spring-forward night is read as 03:30 CEST),
 * like Temporal's 'compatible' disambiguation. A time that happens twice (fall-back overlap) takes
 * the earlier offset, i.e. the first occurrence.
 *
 * @example
 * new Date(resolveWallTime(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Berlin')).toISOString();
 * // "2026-10-25T00:30:00.000Z" (02:30 CEST, the first of the two 02:30s)
 */
export function resolveWallTime(wallMs: number, timeZone: string): number {
  // Offsets change at most once in two days anywhere, so the offsets a day either side are the
  // two candidates; a candidate is valid when the instant it gives really has that offset.
  const before = offsetAt(wallMs - DAY, timeZone);
  const after = offsetAt(wallMs + DAY, timeZone);
  const earlier = wallMs - before;
  if (before === after || offsetAt(earlier, timeZone) === before) return earlier;
  const later = wallMs - after;
  if (offsetAt(later, timeZone) === after) return later;
  // In the gap: reading the wall time with the offset before the jump moves it forward by the gap.
  return earlier;
}

/** Converts wall times of one zone to instants, caching the offset of every wall-clock hour. */
export interface ZoneResolver {
  readonly timeZone: string;
  /** The instant of a naive wall time (epoch ms of the wall time read as UTC). */
  toInstant(wallMs: number): number;
  /** The zone's offset (local − UTC, ms) at an instant. */
  offsetAtInstant(epochMs: number): number;
}

class CachedZoneResolver implements ZoneResolver {
  readonly timeZone: string;
  /** Wall-hour bucket → offset valid for the whole hour, or NaN when a transition is near. */
  private readonly wallHours = new Map<number, number>();
  /** UTC-hour bucket → offset valid for the whole hour, or NaN when it changes inside. */
  private readonly utcHours = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  toInstant(wallMs: number): number {
    const bucket = Math.floor(wallMs / HOUR);
    let offset = this.wallHours.get(bucket);
    if (offset === undefined) {
      offset = this.uniformWallHourOffset(bucket * HOUR);
      if (this.wallHours.size >= MAX_CACHED_HOURS) this.wallHours.clear();
      this.wallHours.set(bucket, offset);
    }
    return Number.isNaN(offset) ? resolveWallTime(wallMs, this.timeZone) : wallMs - offset;
  }

  offsetAtInstant(epochMs: number): number {
    const bucket = Math.floor(epochMs / HOUR);
    let offset = this.utcHours.get(bucket);
    if (offset === undefined) {
      const start = offsetAt(bucket * HOUR, this.timeZone);
      offset = start === offsetAt(bucket * HOUR + HOUR - 1, this.timeZone) ? start : Number.NaN;
      if (this.utcHours.size >= MAX_CACHED_HOURS) this.utcHours.clear();
      this.utcHours.set(bucket, offset);
    }
    return Number.isNaN(offset) ? offsetAt(epochMs, this.timeZone) : offset;
  }

  /** The one offset every wall time of the hour starting at `wallStart` has, or NaN near a transition. */
  private uniformWallHourOffset(wallStart: number): number {
    // Real transitions move clocks by at most a few hours, so offsets equal six hours either side
    // (plus both ends of the hour checked below) mean no transition can touch this wall hour.
    const before = offsetAt(wallStart - MARGIN, this.timeZone);
    const after = offsetAt(wallStart + HOUR + MARGIN, this.timeZone);
    if (before !== after) return Number.NaN;
    const atStart = offsetAt(wallStart - before, this.timeZone);
    const atEnd = offsetAt(wallStart + HOUR - 1 - before, this.timeZone);
    return atStart === before && atEnd === before ? before : Number.NaN;
  }
}

const UTC_RESOLVER: ZoneResolver = {
  timeZone: 'UTC',
  toInstant: (wallMs) => wallMs,
  offsetAtInstant: () => 0,
};

const resolvers = new Map<string, ZoneResolver>();

/**
 * The shared, caching resolver of a zone (throws a DomainError for an unknown zone).
 *
 * @example
 * zoneResolverFor('America/New_York').toInstant(Date.UTC(2026, 2, 2, 9, 5)); // Date.UTC(2026, 2, 2, 14, 5)
 */
export function zoneResolverFor(timeZone: string): ZoneResolver {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return UTC_RESOLVER;
  let resolver = resolvers.get(timeZone);
  if (!resolver) {
    offsetAt(0, timeZone); // validates the zone
    resolver = new CachedZoneResolver(timeZone);
    resolvers.set(timeZone, resolver);
  }
  return resolver;
}
