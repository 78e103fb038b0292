// Validates one record of the bulk JSON/NDJSON import API (our camelCase field names, ISO 8601 instants with an offset) into a normalized row.

import { buildImportRow } from './build-import-row';
import { checkRowRules } from './check-row-rules';
import type { ImportEntity } from './import-entity';
import { IMPORT_FIELDS } from './import-fields';
import type { ImportPropertyValue } from './import-row';
import { type ImportRowError, importRowError, type NormalizedRecord } from './import-row-error';
import { FieldProblem, parseFieldLiteral } from './parse-field-literal';

const API_DEFAULTS: Partial<Record<string, string>> = { sourceSystem: 'api' };
const MAX_PROPERTY_KEYS = 200;

function shown(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Only a value nested past the stack's depth fails to print (JSON has no cycles).
    return `(${Array.isArray(value) ? 'an array' : 'an object'} nested too deeply to show)`;
  }
}

const NUL_REASON = 'text may not contain the NUL character (\\u0000) or half of a surrogate pair';

/** A NUL character, or a surrogate half without its other half: no text PostgreSQL stores. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether a value (or any text inside it, to a depth no field nests to) holds a NUL
 * character; deeper values are refused by their field's own check.
 */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (!value || typeof value !== 'object' || depth > 20) return false;
  return Object.entries(value).some(
    ([key, item]) => UNSTORABLE.test(key) || holdsNul(item, depth + 1),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readProperties(
  raw: unknown,
  rowNumber: number,
  errors: ImportRowError[],
): Record<string, ImportPropertyValue> {
  const properties: Record<string, ImportPropertyValue> = {};
  if (raw === null || raw === undefined) return properties;
  if (!isPlainObject(raw)) {
    errors.push(
      importRowError(
        rowNumber,
        'properties',
        'properties',
        shown(raw),
        'properties must be an object of string, number, boolean or null values',
      ),
    );
    return properties;
  }
  const entries = Object.entries(raw);
  if (entries.length > MAX_PROPERTY_KEYS) {
    errors.push(
      importRowError(
        rowNumber,
        'properties',
        'properties',
        null,
        `properties has ${entries.length} keys; at most ${MAX_PROPERTY_KEYS} are accepted`,
      ),
    );
    return properties;
  }
  for (const [key, value] of entries) {
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      properties[key] = value;
    } else {
      errors.push(
        importRowError(
          rowNumber,
          `properties.${key}`,
          'properties',
          shown(value),
          `property '${key}' must be a string, a finite number, a boolean or null, not ${Array.isArray(value) ? 'an array' : typeof value}`,
        ),
      );
    }
  }
  return properties;
}

/**
 * Normalizes one record of the bulk API, where keys are our field names and instants are ISO 8601
 * strings with Z or an offset; booleans and numbers are JSON values. Unknown keys are refused (a
 * typo must not silently drop data). Errors name the JSON field as their column.
 *
 * @example
 * normalizeApiRecord('activities', {
 *   externalId: 'a1', channel: 'call', occurredAt: '2026-03-02T14:05:00Z', contactExternalId: 'c1',
 * }, 1);
 * // { ok: true, row: { externalId: 'a1', sourceSystem: 'api', channel: 'call', direction: 'outbound', automated: false, ... } }
 */
export function normalizeApiRecord<E extends ImportEntity>(
  entity: E,
  record: unknown,
  rowNumber: number,
): NormalizedRecord<E> {
  if (!isPlainObject(record)) {
    return {
      ok: false,
      errors: [
        importRowError(
          rowNumber,
          null,
          null,
          shown(record),
          `a record must be a JSON object with ${entity} fields, not ${Array.isArray(record) ? 'an array' : record === null ? 'null' : typeof record}`,
        ),
      ],
    };
  }
  const specs = IMPORT_FIELDS[entity];
  const errors: ImportRowError[] = [];
  const slots: unknown[] = [];
  let properties: Record<string, ImportPropertyValue> | null = null;
  for (const key of Object.keys(record)) {
    if (!specs.some((spec) => spec.name === key)) {
      errors.push(
        importRowError(
          rowNumber,
          key,
          null,
          shown(record[key]),
          `${entity} have no field '${key}'; fields: ${specs.map((s) => s.name).join(', ')}`,
        ),
      );
    }
  }
  for (const spec of specs) {
    const raw = record[spec.name];
    if (holdsNul(raw)) {
      errors.push(importRowError(rowNumber, spec.name, spec.name, shown(raw), NUL_REASON));
      continue;
    }
    if (spec.type === 'json-properties') {
      properties = readProperties(raw, rowNumber, errors);
      continue;
    }
    const parsed = parseFieldLiteral(spec, raw, { resolver: null });
    if (parsed instanceof FieldProblem) {
      errors.push(importRowError(rowNumber, spec.name, spec.name, shown(raw), parsed.reason));
      continue;
    }
    let value = parsed;
    if (value === null) {
      const fallback = API_DEFAULTS[spec.name] ?? spec.defaultValue;
      value = fallback === undefined ? null : fallback;
    }
    if (value === null && spec.required) {
      errors.push(
        importRowError(
          rowNumber,
          spec.name,
          spec.name,
          null,
          `${spec.name} (${spec.label}) is required but the record has no value for it`,
        ),
      );
      continue;
    }
    slots.push(value);
  }
  if (errors.length > 0) return { ok: false, errors };
  const row = buildImportRow(entity, slots, properties);
  const fields = row as unknown as Record<string, unknown>;
  const problems = checkRowRules(entity, fields);
  if (problems.length === 0) return { ok: true, row };
  return {
    ok: false,
    errors: problems.map((problem) =>
      importRowError(
        rowNumber,
        problem.field,
        problem.field,
        shown(fields[problem.field]),
        problem.reason,
      ),
    ),
  };
}
