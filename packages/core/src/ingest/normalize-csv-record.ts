// Maps one CSV record through a compiled mapping into a normalized row, or every problem the record has.

import { buildImportRow } from './build-import-row';
import { checkRowRules } from './check-row-rules';
import type { CompiledField, CompiledMapping, CompiledSource } from './compiled-mapping';
import { BOOLEAN_SPELLINGS, parseBooleanText } from './field-value-parsers';
import type { ImportEntity } from './import-entity';
import type { ImportPropertyValue } from './import-row';
import {
  type ImportRowError,
  importRowError,
  type NormalizedRecord,
  quoteValue,
} from './import-row-error';
import { FieldProblem, type FieldValue } from './parse-field-literal';

/** Field values of the row being normalized, in field order (reused: normalizing never nests). */
const SLOTS: unknown[] = [];

/** The column the last read came from (scans never nest, so one slot is enough). */
let readColumn: string | null = null;

function cell(values: readonly string[], index: number): string | null {
  if (index < 0) return null;
  const raw = values[index];
  if (raw === undefined || raw === '') return null;
  const text = raw.trim();
  return text === '' ? null : text;
}

/** The first non-empty cell of a columns source, setting readColumn. */
function readColumns(source: CompiledSource & { kind: 'columns' }, values: readonly string[]) {
  const { indices, names } = source;
  for (let i = 0; i < indices.length; i++) {
    const text = cell(values, indices[i] as number);
    if (text !== null) {
      readColumn = names[i] as string;
      return text;
    }
  }
  readColumn = names[0] ?? null;
  return null;
}

function caseMatches(field: CompiledField, caseIndex: number, values: readonly string[]): boolean {
  const tests = field.cases?.[caseIndex]?.tests ?? [];
  for (const test of tests) {
    const text = cell(values, test.index);
    switch (test.kind) {
      case 'present':
        if (text === null) return false;
        break;
      case 'absent':
        if (text !== null) return false;
        break;
      case 'in':
        if (text === null || !test.words.includes(text.toLowerCase())) return false;
        break;
      case 'startsWith': {
        if (text === null) return false;
        const lower = text.toLowerCase();
        if (!test.words.some((word) => lower.startsWith(word))) return false;
        break;
      }
    }
  }
  return true;
}

function missingReason(field: CompiledField, source: CompiledSource | null): string {
  const what = `${field.name} (${field.spec.label}) is required`;
  if (source?.kind === 'columns') {
    return source.names.length === 1
      ? `${what} but column '${source.names[0]}' is empty`
      : `${what} but the columns ${source.names.map((n) => `'${n}'`).join(', ')} are all empty`;
  }
  return `${what} but the mapping gives no value for this row`;
}

/**
 * Normalizes one CSV record (the cells of one data row, in header order) through a compiled
 * mapping: trims, treats empty cells as null, applies cases, value maps and defaults, parses every
 * field and checks cross-field rules; a refused record lists all of its problems.
 *
 * @example
 * const { compiled } = compileMapping(mapping, header) as { ok: true; compiled: CompiledMapping };
 * normalizeCsvRecord(compiled, ['r1', '2026-03-02', '6.5', ''], 1);
 * // { ok: true, row: { repExternalId: 'r1', day: '2026-03-02', sellingHours: '6.5', adminHours: '0' } }
 */
export function normalizeCsvRecord<E extends ImportEntity>(
  compiled: CompiledMapping<E>,
  values: readonly string[],
  rowNumber: number,
): NormalizedRecord<E> {
  let errors: ImportRowError[] | null = null;
  const slots = SLOTS;
  let slot = 0;

  if (values.length > compiled.header.length) {
    for (let i = compiled.header.length; i < values.length; i++) {
      if (cell(values, i) !== null) {
        errors = [
          importRowError(
            rowNumber,
            null,
            null,
            values[i] ?? null,
            `the row has ${values.length} values but the header has ${compiled.header.length} columns; check the quoting of this row`,
          ),
        ];
        break;
      }
    }
  }

  for (const field of compiled.fields) {
    const at = slot++;
    let source: CompiledSource | null = field.base;
    if (field.cases) {
      for (let i = 0; i < field.cases.length; i++) {
        if (caseMatches(field, i, values)) {
          source = (field.cases[i] as { source: CompiledSource }).source;
          break;
        }
      }
    }

    let value: FieldValue | null = null;
    let text: string | null = null;
    readColumn = field.primaryColumn;
    if (source !== null) {
      if (source.kind === 'literal') value = source.value;
      else {
        text = readColumns(source, values);
        if (text !== null && field.split !== null) {
          const first = text.split(field.split, 1)[0]?.trim() ?? '';
          text = first === '' ? null : first;
        }
        if (text !== null) {
          let mapped: FieldValue | null | undefined;
          if (field.valueMap !== null) {
            mapped = field.valueMap.get(text.toLowerCase());
            if (mapped === undefined) mapped = field.fallback;
          }
          if (mapped !== undefined) value = mapped;
          else {
            const parsed = field.parse(text);
            if (parsed instanceof FieldProblem) {
              errors ??= [];
              errors.push(importRowError(rowNumber, readColumn, field.name, text, parsed.reason));
              continue;
            }
            value = parsed;
          }
        }
      }
    }
    if (value === null) value = field.emptyValue;
    if (value === null && field.spec.required) {
      errors ??= [];
      errors.push(
        importRowError(rowNumber, readColumn, field.name, text, missingReason(field, source)),
      );
      continue;
    }
    slots[at] = value;
  }

  let properties: Record<string, ImportPropertyValue> | null = null;
  if (compiled.properties !== null) {
    properties = {};
    for (const property of compiled.properties) {
      const text = cell(values, property.index);
      if (text === null) continue;
      if (property.type === 'text') properties[property.key] = text;
      else if (property.type === 'number') {
        const number = Number(text);
        if (Number.isFinite(number) && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
          properties[property.key] = number;
        } else {
          errors ??= [];
          errors.push(
            importRowError(
              rowNumber,
              property.column,
              'properties',
              text,
              `${quoteValue(text)} is not a number (property '${property.key}'); write digits with an optional '.'`,
            ),
          );
        }
      } else {
        const flag = parseBooleanText(text);
        if (flag === undefined) {
          errors ??= [];
          errors.push(
            importRowError(
              rowNumber,
              property.column,
              'properties',
              text,
              `${quoteValue(text)} is not a boolean (property '${property.key}'); accepted: ${BOOLEAN_SPELLINGS}`,
            ),
          );
        } else properties[property.key] = flag;
      }
    }
  }

  if (errors !== null) return { ok: false, errors };
  const row = buildImportRow(compiled.entity, slots, properties);
  const problems = checkRowRules(compiled.entity, row as unknown as Record<string, unknown>);
  if (problems.length === 0) return { ok: true, row };
  return {
    ok: false,
    errors: problems.map((problem) => {
      const field = compiled.fields.find((f) => f.name === problem.field);
      const value = (row as unknown as Record<string, unknown>)[problem.field];
      return importRowError(
        rowNumber,
        field?.primaryColumn ?? null,
        problem.field,
        value === null || value === undefined ? null : String(value),
        problem.reason,
      );
    }),
  };
}
