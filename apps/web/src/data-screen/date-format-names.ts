/** Short names of the date formats for the selects; the long ones go in the hint. */
import type { DateFormat } from '@treeline/core';

export const DATE_FORMAT_NAMES: Record<DateFormat, string> = {
  iso: 'ISO 8601 (2026-03-02 14:05)',
  'MM/DD/YYYY': 'MM/DD/YYYY (US)',
  'DD/MM/YYYY': 'DD/MM/YYYY',
  'DD.MM.YYYY': 'DD.MM.YYYY',
  epoch_ms: 'Unix time, milliseconds',
  epoch_s: 'Unix time, seconds',
};
