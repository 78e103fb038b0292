// Turns one raw value into a field's typed value (text, boolean, decimal, enum), with the reason when it cannot; shared by CSV and API imports.

import { quoteValue } from './import-row-error';

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1'];
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0'];
const BOOLEAN_WORDS = new Map<string, boolean>([
  ...TRUE_WORDS.map((word) => [word, true] as const),
  ...FALSE_WORDS.map((word) => [word, false] as const),
]);

/** The accepted spellings of booleans, for messages. */
export const BOOLEAN_SPELLINGS = 'true/false, yes/no, y/n, t/f or 1/0 (any case)';

/**
 * A boolean cell: true/false, yes/no, y/n, t/f, 1/0 in any case; undefined otherwise.
 *
 * @example
 * parseBooleanText('Yes'); // true
 * parseBooleanText('maybe'); // undefined
 */
export function parseBooleanText(text: string): boolean | undefined {
  const direct = BOOLEAN_WORDS.get(text);
  return direct !== undefined ? direct : BOOLEAN_WORDS.get(text.toLowerCase());
}

/**
 * A decimal written with digits and an optional '.' (sign allowed), normalized to a canonical
 * string that keeps the written scale ("06.50" → "6.50", "+3" → "3", ".5" → "0.5"); null when the
 * text is not such a number (thousands separators, currency symbols and exponents are refused).
 *
 * @example
 * normalizeDecimalText('0012.50'); // "12.50"
 * normalizeDecimalText('1,200'); // null
 */
export function normalizeDecimalText(text: string): string | null {
  let index = 0;
  let negative = false;
  const first = text.charCodeAt(0);
  if (first === 43 || first === 45) {
    negative = first === 45;
    index = 1;
  }
  const integerStart = index;
  while (index < text.length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) {
    index++;
  }
  const integerEnd = index;
  let fraction = '';
  if (index < text.length && text.charCodeAt(index) === 46) {
    const fractionStart = ++index;
    while (index < text.length && text.charCodeAt(index) >= 48 && text.charCodeAt(index) <= 57) {
      index++;
    }
    fraction = text.slice(fractionStart, index);
  }
  if (index !== text.length || (integerEnd === integerStart && fraction === '')) return null;
  let integer = text.slice(integerStart, integerEnd);
  let zeros = 0;
  while (zeros < integer.length - 1 && integer.charCodeAt(zeros) === 48) zeros++;
  integer = integer.slice(zeros) || '0';
  const body = fraction === '' ? integer : `${integer}.${fraction}`;
  const isZero = integer === '0' && !/[1-9]/.test(fraction);
  return negative && !isZero ? `-${body}` : body;
}

/**
 * The reason a decimal text is refused, for messages.
 *
 * @example
 * decimalProblem('1,200'); // "'1,200' is not a decimal number; write digits with an optional '.' decimal point and no thousands separator or currency, e.g. 6.50"
 */
export function decimalProblem(text: string): string {
  return `${quoteValue(text)} is not a decimal number; write digits with an optional '.' decimal point and no thousands separator or currency, e.g. 6.50`;
}

/**
 * The reason a decimal is outside a field's bounds, or null when it is inside.
 *
 * @example
 * decimalBoundsProblem('-2', 0, 24); // "'-2' is out of range; hours must be between 0 and 24"
 */
export function decimalBoundsProblem(
  normalized: string,
  min: number | undefined,
  max: number | undefined,
): string | null {
  if (min === undefined && max === undefined) return null;
  const value = Number(normalized);
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `between ${min} and ${max}`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${max}`;
    return `${quoteValue(normalized)} is out of range; hours must be ${range}`;
  }
  return null;
}

/**
 * The reason a value is not one of an enum's values.
 *
 * @example
 * enumProblem('Webinar', ['call', 'email'], 'channel');
 * // "'Webinar' is not a channel; accepted: call, email"
 */
export function enumProblem(
  text: string,
  allowed: readonly string[],
  label: string,
  mapped?: readonly string[],
): string {
  const base = `${quoteValue(text)} is not a ${label}; accepted: ${allowed.join(', ')}`;
  if (!mapped || mapped.length === 0) return base;
  const shown = mapped.length > 12 ? [...mapped.slice(0, 12), '...'] : mapped;
  return `${base}, or a source value the mapping translates: ${shown.join(', ')}`;
}
