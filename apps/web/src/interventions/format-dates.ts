/** Dates of interventions as people read them ("14 Sep 2026"), from the API's YYYY-MM-DD. */

/** @example formatDay('2026-09-14') // "14 Sep 2026" */
export function formatDay(day: string | null, locale?: string): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1)));
}

/** @example formatSpan('2026-09-14', null) // "from 14 Sep 2026" */
export function formatSpan(startsOn: string, endsOn: string | null): string {
  return endsOn ? `${formatDay(startsOn)} – ${formatDay(endsOn)}` : `from ${formatDay(startsOn)}`;
}
