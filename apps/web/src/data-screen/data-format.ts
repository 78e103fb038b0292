/**
 * How the Data screen writes its words and numbers: entity and exclusion-reason labels,
 * "3 minutes ago" through Intl.RelativeTimeFormat, file sizes and counts through
 * Intl.NumberFormat. Pure, so the screen and its tests agree on every string.
 */
import type { ImportEntity } from '@treeline/core';

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  contacts: 'Contacts',
  activities: 'Activities',
  deals: 'Deals',
  reps: 'Reps',
  capacity: 'Capacity',
  events: 'Engagement events',
};

/** Why a stored activity is not counted, in the order the chart stacks them. */
export const EXCLUDED_REASON_ORDER = [
  'duplicate',
  'no_contact',
  'internal_note',
  'system_event',
  'deleted',
] as const;

export const EXCLUDED_REASON_LABELS: Record<string, string> = {
  deleted: 'Deleted',
  no_contact: 'No contact',
  internal_note: 'Internal note',
  system_event: 'System event',
  duplicate: 'Duplicate',
};

/** A reason's label, or the reason itself when the server adds one this build does not know. */
export function excludedReasonLabel(reason: string): string {
  return EXCLUDED_REASON_LABELS[reason] ?? reason.replaceAll('_', ' ');
}

const RELATIVE_STEPS: ReadonlyArray<{ unit: Intl.RelativeTimeFormatUnit; seconds: number }> = [
  { unit: 'year', seconds: 365 * 86_400 },
  { unit: 'month', seconds: 30 * 86_400 },
  { unit: 'week', seconds: 7 * 86_400 },
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
];

/**
 * How long ago (or in how long) an instant is, in the largest whole unit: "3 minutes ago",
 * "yesterday", "now" under a minute.
 *
 * @example formatRelativeTime('2026-03-02T10:00:00Z', new Date('2026-03-02T10:03:20Z'), 'en-US') // "3 minutes ago"
 */
export function formatRelativeTime(iso: string, now: Date = new Date(), locale?: string): string {
  const seconds = (Date.parse(iso) - now.getTime()) / 1000;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const step of RELATIVE_STEPS) {
    if (Math.abs(seconds) >= step.seconds) {
      return format.format(Math.trunc(seconds / step.seconds), step.unit);
    }
  }
  return format.format(0, 'second');
}

/**
 * An instant as a short local date and time, for tables and tooltips.
 *
 * @example formatDateTime('2026-03-02T10:00:00Z', 'en-US', 'UTC') // "Mar 2, 2026, 10:00 AM"
 */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/**
 * A whole count, grouped.
 *
 * @example formatCount(12345, 'en-US') // "12,345"
 */
export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/**
 * A file size in the largest fitting unit, one decimal from kB up.
 *
 * @example formatBytes(1536, 'en-US') // "1.5 kB"
 */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let index = 0;
  while (value >= 1000 && index < units.length - 1) {
    value /= 1000;
    index++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[index],
    // "512 bytes" but "1.5 kB": the long name reads better only for the smallest unit.
    unitDisplay: index === 0 ? 'long' : 'short',
    maximumFractionDigits: index === 0 ? 0 : 1,
  }).format(value);
}

/** The sum of an excluded-by-reason record. */
export function excludedTotal(excluded: Readonly<Record<string, number>>): number {
  return Object.values(excluded).reduce((sum, n) => sum + n, 0);
}

/**
 * The non-zero reasons of an excluded-by-reason record, largest first, as "Duplicate 3".
 *
 * @example excludedSummary({ duplicate: 3, no_contact: 0, deleted: 1 }, 'en-US') // ["Duplicate 3", "Deleted 1"]
 */
export function excludedSummary(
  excluded: Readonly<Record<string, number>>,
  locale?: string,
): string[] {
  return Object.entries(excluded)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${excludedReasonLabel(reason)} ${formatCount(n, locale)}`);
}
