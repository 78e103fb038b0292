// Reads a value already written in our vocabulary (a JSON value from the API, or a constant, default or value-map target of a mapping) as a field's typed value.

import { dayNumberToCivil } from '../periods/civil-date';
import {
  decimalBoundsProblem,
  decimalProblem,
  enumProblem,
  normalizeDecimalText,
  parseBooleanText,
} from './field-value-parsers';
import type { ImportFieldSpec } from './import-fields';
import { quoteValue } from './import-row-error';
import { emptyTimestampParts, scanTimestamp, wallMsOf } from './parse-timestamp';
import type { ZoneResolver } from './zone-resolver';

/**
 * A field value in transit: text, enum values, decimals and days as strings, booleans as
 * booleans, instants as epoch milliseconds (turned into Dates when the row is built).
 */
export type FieldValue = string | boolean | number;

/** Why a value was refused. */
export class FieldProblem {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

/** How strictly instants are read. */
export interface LiteralOptions {
  /** Zone for instants without an offset; when null, such instants are refused. */
  resolver: ZoneResolver | null;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/**
 * A calendar day as "YYYY-MM-DD".
 *
 * @example
 * formatDay(2026, 3, 2); // "2026-03-02"
 */
export function formatDay(year: number, month: number, day: number): string {
  const y = year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, '0');
  return `${y}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/**
 * The local day of an instant as "YYYY-MM-DD".
 *
 * @example
 * localDayOf(Date.parse('2026-03-01T23:30:00Z'), zoneResolverFor('Europe/Berlin')); // "2026-03-02"
 */
export function localDayOf(epochMs: number, resolver: ZoneResolver): string {
  const local = epochMs + resolver.offsetAtInstant(epochMs);
  const civil = dayNumberToCivil(Math.floor(local / 86_400_000));
  return formatDay(civil.year, civil.month, civil.day);
}

/**
 * How a field is named inside a sentence.
 *
 * @example
 * fieldNoun(importFieldSpec('contacts', 'lifecycleStage')!); // "lifecycle stage"
 */
export function fieldNoun(spec: ImportFieldSpec): string {
  return spec.label.toLowerCase();
}

const literalParts = emptyTimestampParts();

function instantLiteral(raw: string, options: LiteralOptions): number | FieldProblem {
  const problem = scanTimestamp(raw, 'iso', literalParts);
  if (problem) return new FieldProblem(problem);
  if (!Number.isNaN(literalParts.offsetMs)) return wallMsOf(literalParts) - literalParts.offsetMs;
  if (!options.resolver) {
    return new FieldProblem(
      `${quoteValue(raw)} has no time zone; write an ISO 8601 date-time ending in Z or an offset, e.g. 2026-03-02T14:05:00Z`,
    );
  }
  return options.resolver.toInstant(wallMsOf(literalParts));
}

/**
 * Parses a value written in our vocabulary for one field; null stays null (empty).
 *
 * @example
 * parseFieldLiteral(IMPORT_FIELDS.activities[4], 'Call', { resolver: null }); // "call"
 * parseFieldLiteral(spec('occurredAt'), '2026-03-02T14:05:00Z', { resolver: null }); // 1772460300000
 */
export function parseFieldLiteral(
  spec: ImportFieldSpec,
  raw: unknown,
  options: LiteralOptions,
): FieldValue | null | FieldProblem {
  if (raw === null || raw === undefined) return null;
  switch (spec.type) {
    case 'text': {
      if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
      if (typeof raw !== 'string') return new FieldProblem(`expected text, got ${typeof raw}`);
      const text = raw.trim();
      if (text === '') return null;
      if (spec.maxLength !== undefined && text.length > spec.maxLength) {
        return new FieldProblem(
          `the value has ${text.length} characters; ${fieldNoun(spec)} takes at most ${spec.maxLength}`,
        );
      }
      return text;
    }
    case 'enum': {
      if (typeof raw !== 'string') {
        return new FieldProblem(`expected one of ${spec.values?.join(', ')}, got ${typeof raw}`);
      }
      const text = raw.trim();
      if (text === '') return null;
      const lower = text.toLowerCase();
      const match = spec.values?.find((value) => value === lower);
      return match ?? new FieldProblem(enumProblem(text, spec.values ?? [], fieldNoun(spec)));
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string') {
        if (raw.trim() === '') return null;
        const parsed = parseBooleanText(raw.trim());
        if (parsed !== undefined) return parsed;
      }
      return new FieldProblem(`${quoteValue(String(raw))} is not a boolean; use true or false`);
    }
    case 'decimal': {
      let text: string;
      if (typeof raw === 'number') {
        if (!Number.isFinite(raw) || String(raw).includes('e')) {
          return new FieldProblem(
            `${raw} cannot be stored exactly; send the number as a decimal string`,
          );
        }
        text = String(raw);
      } else if (typeof raw === 'string') {
        text = raw.trim();
        if (text === '') return null;
      } else {
        return new FieldProblem(`expected a number or a decimal string, got ${typeof raw}`);
      }
      const normalized = normalizeDecimalText(text);
      if (normalized === null) return new FieldProblem(decimalProblem(text));
      const bounds = decimalBoundsProblem(normalized, spec.min, spec.max);
      return bounds ? new FieldProblem(bounds) : normalized;
    }
    case 'instant': {
      if (raw instanceof Date) {
        const time = raw.getTime();
        return Number.isNaN(time) ? new FieldProblem('the date is invalid') : time;
      }
      if (typeof raw !== 'string') {
        return new FieldProblem(
          `expected an ISO 8601 date-time string such as 2026-03-02T14:05:00Z, got ${typeof raw}`,
        );
      }
      const text = raw.trim();
      return text === '' ? null : instantLiteral(text, options);
    }
    case 'day': {
      if (typeof raw !== 'string') {
        return new FieldProblem(`expected a day written YYYY-MM-DD, got ${typeof raw}`);
      }
      const text = raw.trim();
      if (text === '') return null;
      const problem = scanTimestamp(text, 'iso', literalParts);
      if (problem || literalParts.hasTime) {
        return new FieldProblem(problem ?? `${quoteValue(text)} is not a day; write YYYY-MM-DD`);
      }
      return formatDay(literalParts.year, literalParts.month, literalParts.day);
    }
    case 'json-properties':
      return new FieldProblem('properties are an object, not a single value');
  }
}
