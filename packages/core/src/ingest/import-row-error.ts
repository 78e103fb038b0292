// What is wrong with one imported row (or with a mapping, as row 0), and the result of normalizing a record.

import type { ImportEntity } from './import-entity';
import type { ImportRowOf } from './import-row';

/** One problem in one row: where it is (row, column, field), the value, and why it is refused. */
export interface ImportRowError {
  /** 1-based data row number (the header is not counted); 0 for problems with the mapping or header. */
  row: number;
  /** The source column name (or JSON field name for the API). */
  column: string | null;
  /** Our field name. */
  field: string | null;
  /** The offending raw value, truncated to 200 characters. */
  value: string | null;
  /** A sentence saying what is wrong and what is accepted. */
  reason: string;
}

/** A record either normalizes to a row or is refused with every problem it has. */
export type NormalizedRecord<E extends ImportEntity> =
  | { ok: true; row: ImportRowOf<E> }
  | { ok: false; errors: ImportRowError[] };

const MAX_VALUE_LENGTH = 200;

/**
 * Builds an ImportRowError, truncating the value to 200 characters.
 *
 * @example
 * importRowError(3, 'Amount', 'amount', 'abc', "'abc' is not a decimal number");
 */
/** Text as stored and shown: a NUL character (which PostgreSQL cannot store) as `\u0000`. */
function withoutNul(text: string | null): string | null {
  return text === null ? null : text.replaceAll('\u0000', '\\u0000');
}

export function importRowError(
  row: number,
  column: string | null,
  field: string | null,
  value: string | null,
  reason: string,
): ImportRowError {
  const shown =
    value !== null && value.length > MAX_VALUE_LENGTH ? value.slice(0, MAX_VALUE_LENGTH) : value;
  return {
    row,
    column: withoutNul(column),
    field: withoutNul(field),
    value: withoutNul(shown),
    reason: withoutNul(reason) ?? '',
  };
}

/**
 * Quotes a value for a reason sentence, shortened so messages stay readable.
 *
 * @example
 * quoteValue('Marketing Qualified Lead'); // "'Marketing Qualified Lead'"
 */
export function quoteValue(value: string): string {
  return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
}
