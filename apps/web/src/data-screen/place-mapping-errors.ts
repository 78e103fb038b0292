/**
 * Where the mapping editor shows each problem of a mapping that does not compile: beside its
 * field, beside the time-zone input, or in the general list above the preview.
 */
import type { ImportRowError } from '@treeline/core';

/**
 * @example
 * placeMappingErrors([{ row: 0, column: null, field: 'channel', value: null, reason: 'channel is required' }])
 *   .byField.get('channel'); // 'channel is required'
 */
export function placeMappingErrors(errors: readonly ImportRowError[]): {
  byField: Map<string, string>;
  general: string[];
} {
  const byField = new Map<string, string>();
  const general: string[] = [];
  for (const error of errors) {
    const key = error.field ?? (error.reason.startsWith('unknown time zone') ? '(timeZone)' : null);
    if (key === null) general.push(error.reason);
    else byField.set(key, byField.has(key) ? `${byField.get(key)}; ${error.reason}` : error.reason);
  }
  return { byField, general };
}
