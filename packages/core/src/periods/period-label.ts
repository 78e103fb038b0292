// Human labels for periods in the workspace's terms: "12 Oct 2026", "W41 2026", "Oct 2026", "Q3 2026", "2026".

import { addDays, type CivilDate, civilToDayNumber } from './civil-date';
import { type Period, type PeriodOptions, periodStartDate, resolvePeriodOptions } from './periods';

const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/**
 * Week number and week-numbering year of a week starting on `weekFirstDay`. A week belongs to
 * the year holding its fourth day and week 1 is the first such week, which is exactly ISO 8601
 * for Monday weeks (the Thursday rule) and the same rule for other week starts.
 *
 * @example
 * weekNumber({ year: 2026, month: 12, day: 28 }); // { week: 53, year: 2026 }
 */
export function weekNumber(weekFirstDay: CivilDate): { week: number; year: number } {
  const fourthDay = addDays(weekFirstDay, 3);
  const dayOfYear =
    civilToDayNumber(fourthDay) - civilToDayNumber({ year: fourthDay.year, month: 1, day: 1 });
  return { week: Math.floor(dayOfYear / 7) + 1, year: fourthDay.year };
}

/**
 * The label of a period: "12 Oct 2026" (day), "W41 2026" (week), "Oct 2026" (month),
 * "Q3 2026" (quarter), "2026" (year). With a fiscal year that does not start in January,
 * quarters and years read "Q1 FY2027" and "FY2027".
 *
 * @example
 * periodLabel(periodContaining('2026-10-12T09:00:00Z', 'quarter', { timeZone: 'UTC' }), { timeZone: 'UTC' });
 * // "Q4 2026"
 */
export function periodLabel(period: Period, options: PeriodOptions): string {
  const resolved = resolvePeriodOptions(options);
  const first = periodStartDate(period, options);
  switch (period.grain) {
    case 'day':
      return `${first.day} ${monthName(first.month)} ${first.year}`;
    case 'week': {
      const { week, year } = weekNumber(first);
      return `W${String(week).padStart(2, '0')} ${year}`;
    }
    case 'month':
      return `${monthName(first.month)} ${first.year}`;
    case 'quarter':
    case 'year': {
      const fiscalStart = resolved.fiscalYearStartMonth;
      const monthsIntoYear = (first.month - fiscalStart + 12) % 12;
      const startYear = first.month >= fiscalStart ? first.year : first.year - 1;
      const year =
        fiscalStart === 1
          ? String(startYear)
          : `FY${options.fiscalYearNamedBy === 'start' ? startYear : startYear + 1}`;
      if (period.grain === 'year') return year;
      return `Q${Math.floor(monthsIntoYear / 3) + 1} ${year}`;
    }
  }
}
