// Rules that involve more than one field of a row (a rep's active range, a day's hours), checked after every field parsed.

import type { ImportEntity } from './import-entity';

/** A broken cross-field rule: the field to blame and why. */
export interface RowRuleProblem {
  field: string;
  reason: string;
}

/**
 * The cross-field problems of a row whose fields each parsed (days as "YYYY-MM-DD", hours as
 * decimal strings).
 *
 * @example
 * checkRowRules('capacity', { sellingHours: '20', adminHours: '6' });
 * // [{ field: 'adminHours', reason: 'selling hours (20) plus admin hours (6) exceed the 24 hours of a day' }]
 */
export function checkRowRules(
  entity: ImportEntity,
  row: Readonly<Record<string, unknown>>,
): RowRuleProblem[] {
  if (entity === 'reps') {
    const from = row.activeFrom;
    const to = row.activeTo;
    if (typeof from === 'string' && typeof to === 'string' && to < from) {
      return [
        {
          field: 'activeTo',
          reason: `the rep stops being active (${to}) before starting (${from}); activeTo must be on or after activeFrom`,
        },
      ];
    }
  }
  if (entity === 'capacity') {
    const selling = row.sellingHours;
    const admin = row.adminHours;
    if (typeof selling === 'string' && typeof admin === 'string') {
      if (Number(selling) + Number(admin) > 24) {
        return [
          {
            field: 'adminHours',
            reason: `selling hours (${selling}) plus admin hours (${admin}) exceed the 24 hours of a day`,
          },
        ];
      }
    }
  }
  return [];
}
