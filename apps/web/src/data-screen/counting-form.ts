/**
 * The counting form's pure parts: reading the duplicate tolerance typed by a person, and
 * saying a tolerance in words.
 */
import { formatDuration } from '../lib/format';

export const MAX_TOLERANCE_SECONDS = 86_400;

/**
 * The tolerance in whole seconds, or what is wrong with the text.
 *
 * @example parseTolerance('120') // 120
 * @example parseTolerance('-1') // "Enter a whole number of seconds from 0 to 86,400 (one day)."
 */
export function parseTolerance(text: string): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !/^\d+$/.test(trimmed) || value > MAX_TOLERANCE_SECONDS) {
    return 'Enter a whole number of seconds from 0 to 86,400 (one day).';
  }
  return value;
}

/**
 * A tolerance as words, "0 seconds" meaning exact matches only.
 *
 * @example describeTolerance(90, 'en-US') // "1 minute 30 seconds"
 * @example describeTolerance(0, 'en-US') // "the same second"
 */
export function describeTolerance(seconds: number, locale?: string): string {
  return seconds === 0 ? 'the same second' : formatDuration(seconds, locale);
}
