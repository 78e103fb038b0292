// Validates a column mapping against a CSV header and precompiles it, so each row is only index lookups and hand-written parsers.

import type { z } from 'zod';
import {
  type ColumnMapping,
  columnMappingSchema,
  type FieldCondition,
  type FieldMapping,
} from './column-mapping';
import type {
  CompiledCase,
  CompiledField,
  CompiledMapping,
  CompiledProperty,
  CompiledSource,
  CompiledTest,
} from './compiled-mapping';
import {
  BOOLEAN_SPELLINGS,
  decimalBoundsProblem,
  decimalProblem,
  enumProblem,
  normalizeDecimalText,
  parseBooleanText,
} from './field-value-parsers';
import type { ImportEntity } from './import-entity';
import { IMPORT_FIELDS, type ImportFieldSpec } from './import-fields';
import { type ImportRowError, importRowError, quoteValue } from './import-row-error';
import {
  FieldProblem,
  type FieldValue,
  fieldNoun,
  formatDay,
  localDayOf,
  parseFieldLiteral,
} from './parse-field-literal';
import { type DateFormat, emptyTimestampParts, scanTimestamp, wallMsOf } from './parse-timestamp';
import { type ZoneResolver, zoneResolverFor } from './zone-resolver';

/** Options of compileMapping. */
export interface CompileMappingOptions {
  /** Zone for naive timestamps when the mapping names none (the workspace zone); UTC when absent. */
  defaultTimeZone?: string;
}

/** The result of compileMapping. */
export type CompileMappingResult<E extends ImportEntity = ImportEntity> =
  | { ok: true; compiled: CompiledMapping<E> }
  | { ok: false; errors: ImportRowError[] };

/**
 * The header as matched: BOM and surrounding spaces removed, lower-cased.
 *
 * @example
 * headerKey('\uFEFF Record ID '); // "record id"
 */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
}

function zodErrors(error: z.ZodError): ImportRowError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = path[0] === 'fields' && path[1] !== undefined ? path[1] : null;
    const where = path.length > 0 ? `${path.join('.')}: ` : '';
    return importRowError(0, null, field, null, `mapping ${where}${issue.message}`);
  });
}

/** Everything compileMapping needs while it walks the mapping. */
class Compiler {
  readonly errors: ImportRowError[] = [];
  readonly warnings: ImportRowError[] = [];
  private readonly indexByKey = new Map<string, number>();
  private readonly duplicates = new Map<string, number[]>();
  private readonly reportedDuplicates = new Set<string>();

  constructor(
    header: readonly string[],
    readonly resolver: ZoneResolver,
    readonly dateFormat: DateFormat,
  ) {
    header.forEach((name, index) => {
      const key = headerKey(name);
      if (key === '') return;
      const seen = this.indexByKey.get(key);
      if (seen === undefined) this.indexByKey.set(key, index);
      else this.duplicates.set(key, [...(this.duplicates.get(key) ?? [seen]), index]);
    });
  }

  /** Index of a column in the header, -1 when absent (an error when it is ambiguous). */
  columnIndex(column: string, field: string | null): number {
    const key = headerKey(column);
    const duplicate = this.duplicates.get(key);
    if (duplicate && !this.reportedDuplicates.has(key)) {
      this.reportedDuplicates.add(key);
      this.errors.push(
        importRowError(
          0,
          column,
          field,
          null,
          `the header has ${duplicate.length} columns named '${column}' (columns ${duplicate.map((i) => i + 1).join(', ')}); rename them so the mapping can tell them apart`,
        ),
      );
    }
    return this.indexByKey.get(key) ?? -1;
  }

  literal(spec: ImportFieldSpec, raw: unknown, what: string): FieldValue | null {
    const parsed = parseFieldLiteral(spec, raw, { resolver: this.resolver });
    if (parsed instanceof FieldProblem) {
      this.errors.push(
        importRowError(
          0,
          null,
          spec.name,
          raw === null ? null : String(raw),
          `${what} of ${spec.name}: ${parsed.reason}`,
        ),
      );
      return null;
    }
    return parsed;
  }

  columnsSource(spec: ImportFieldSpec, columns: readonly string[], warn: boolean): CompiledSource {
    const indices = columns.map((column) => this.columnIndex(column, spec.name));
    // Alternatives are normal (exports differ by version), so only a list none of whose columns
    // exists is worth a warning.
    if (warn && indices.every((index) => index === -1)) {
      this.missingColumnWarning(columns, spec.name);
    }
    return { kind: 'columns', indices, names: columns };
  }

  missingColumnWarning(columns: readonly string[], field: string | null): void {
    const named =
      columns.length === 1
        ? `column '${columns[0]}' is`
        : `none of the columns ${columns.map((c) => `'${c}'`).join(', ')} is`;
    const effect =
      field === 'properties' ? 'no property is kept from it' : `${field} reads it as empty`;
    this.warnings.push(
      importRowError(0, columns[0] ?? null, field, null, `${named} in the header; ${effect}`),
    );
  }

  test(condition: FieldCondition, field: string): CompiledTest {
    const index = this.columnIndex(condition.column, field);
    if (index === -1) this.missingColumnWarning([condition.column], field);
    if (condition.present !== undefined) {
      return { index, kind: condition.present ? 'present' : 'absent', words: [] };
    }
    if (condition.startsWith) {
      return { index, kind: 'startsWith', words: condition.startsWith.map((w) => w.toLowerCase()) };
    }
    return { index, kind: 'in', words: (condition.in ?? []).map((w) => w.trim().toLowerCase()) };
  }

  parser(
    spec: ImportFieldSpec,
    mapping: FieldMapping,
  ): (text: string) => FieldValue | FieldProblem {
    const format = mapping.format ?? this.dateFormat;
    switch (spec.type) {
      case 'text':
        return (text) =>
          spec.maxLength !== undefined && text.length > spec.maxLength
            ? new FieldProblem(
                `the value has ${text.length} characters; ${fieldNoun(spec)} takes at most ${spec.maxLength}`,
              )
            : text;
      case 'enum': {
        const allowed = new Map((spec.values ?? []).map((value) => [value, value]));
        const mapped = Object.keys(mapping.values ?? {}).filter((key) => key !== '*');
        return (text) =>
          allowed.get(text) ??
          allowed.get(text.toLowerCase()) ??
          new FieldProblem(enumProblem(text, spec.values ?? [], fieldNoun(spec), mapped));
      }
      case 'boolean':
        return (text) => {
          const parsed = parseBooleanText(text);
          return parsed !== undefined
            ? parsed
            : new FieldProblem(
                `${quoteValue(text)} is not a boolean; accepted: ${BOOLEAN_SPELLINGS}`,
              );
        };
      case 'decimal':
        return (text) => {
          const normalized = normalizeDecimalText(text);
          if (normalized === null) return new FieldProblem(decimalProblem(text));
          const bounds = decimalBoundsProblem(normalized, spec.min, spec.max);
          return bounds ? new FieldProblem(bounds) : normalized;
        };
      case 'instant': {
        const parts = emptyTimestampParts();
        const resolver = this.resolver;
        return (text) => {
          const problem = scanTimestamp(text, format, parts);
          if (problem) return new FieldProblem(problem);
          if (!Number.isNaN(parts.epochMs)) return parts.epochMs;
          const wall = wallMsOf(parts);
          return Number.isNaN(parts.offsetMs) ? resolver.toInstant(wall) : wall - parts.offsetMs;
        };
      }
      case 'day': {
        const parts = emptyTimestampParts();
        const resolver = this.resolver;
        return (text) => {
          const problem = scanTimestamp(text, format, parts);
          if (problem) return new FieldProblem(problem);
          // An instant (epoch, or a time with an offset) falls on the local day of the mapping's zone;
          // a naive date-time keeps the calendar day it is written on.
          if (!Number.isNaN(parts.epochMs)) return localDayOf(parts.epochMs, resolver);
          if (!Number.isNaN(parts.offsetMs)) {
            return localDayOf(wallMsOf(parts) - parts.offsetMs, resolver);
          }
          return formatDay(parts.year, parts.month, parts.day);
        };
      }
      case 'json-properties':
        return () => new FieldProblem('properties are not read from a single column');
    }
  }

  field(spec: ImportFieldSpec, mapping: FieldMapping | undefined): CompiledField {
    const specDefault =
      spec.defaultValue === undefined ? null : this.literal(spec, spec.defaultValue, 'default');
    if (!mapping) {
      if (spec.required && specDefault === null) {
        this.errors.push(
          importRowError(
            0,
            null,
            spec.name,
            null,
            `${spec.name} (${spec.label}) is required; map it to a column or give it a constant`,
          ),
        );
      }
      return {
        name: spec.name,
        spec,
        cases: null,
        base: null,
        emptyValue: specDefault,
        valueMap: null,
        fallback: undefined,
        mappedKeys: [],
        split: null,
        parse: this.parser(spec, {}),
        primaryColumn: null,
      };
    }

    let base: CompiledSource | null = null;
    let primaryColumn: string | null = null;
    const baseColumns = mapping.column !== undefined ? [mapping.column] : mapping.columns;
    if (baseColumns) {
      base = this.columnsSource(spec, baseColumns, !spec.required);
      primaryColumn = baseColumns[0] ?? null;
    } else if (mapping.constant !== undefined) {
      base = { kind: 'literal', value: this.literal(spec, mapping.constant, 'constant') };
    }

    const cases: CompiledCase[] | null = mapping.cases
      ? mapping.cases.map((rule) => {
          const conditions = Array.isArray(rule.when) ? rule.when : [rule.when];
          const tests = conditions.map((condition) => this.test(condition, spec.name));
          const columns = rule.column !== undefined ? [rule.column] : rule.columns;
          const source: CompiledSource = columns
            ? this.columnsSource(spec, columns, true)
            : { kind: 'literal', value: this.literal(spec, rule.value ?? null, 'case value') };
          return { tests, source };
        })
      : null;

    const mappingDefault =
      mapping.default === undefined ? null : this.literal(spec, mapping.default, 'default');
    const emptyValue = mappingDefault ?? specDefault;

    let valueMap: Map<string, FieldValue | null> | null = null;
    let fallback: FieldValue | null | undefined;
    const mappedKeys: string[] = [];
    if (mapping.values) {
      valueMap = new Map();
      for (const [key, target] of Object.entries(mapping.values)) {
        const value = this.literal(spec, target, `value map entry ${quoteValue(key)}`);
        if (key === '*') fallback = value;
        else {
          valueMap.set(key.trim().toLowerCase(), value);
          mappedKeys.push(key);
        }
      }
    }

    if (spec.required && emptyValue === null) {
      const baseAbsent =
        base === null ||
        (base.kind === 'columns' && base.indices.every((index) => index === -1)) ||
        (base.kind === 'literal' && base.value === null);
      if (baseAbsent && !cases) {
        const columns = baseColumns ?? [];
        this.errors.push(
          importRowError(
            0,
            columns[0] ?? null,
            spec.name,
            null,
            columns.length > 0
              ? `${spec.name} (${spec.label}) is required but ${columns.length === 1 ? `column '${columns[0]}' is not` : `none of the columns ${columns.map((c) => `'${c}'`).join(', ')} is`} in the header`
              : `${spec.name} (${spec.label}) is required; map it to a column or give it a constant`,
          ),
        );
      }
    }

    return {
      name: spec.name,
      spec,
      cases,
      base,
      emptyValue,
      valueMap,
      fallback,
      mappedKeys,
      split: mapping.split ?? null,
      parse: this.parser(spec, mapping),
      primaryColumn,
    };
  }

  properties(entries: NonNullable<ColumnMapping['properties']>): CompiledProperty[] {
    const compiled: CompiledProperty[] = [];
    const keys = new Set<string>();
    for (const entry of entries) {
      const column = typeof entry === 'string' ? entry : entry.column;
      const key = typeof entry === 'string' ? column.trim() : (entry.key ?? column.trim());
      const type = typeof entry === 'string' ? 'text' : (entry.type ?? 'text');
      if (keys.has(key)) {
        this.errors.push(
          importRowError(
            0,
            column,
            'properties',
            null,
            `two properties are stored under the key '${key}'`,
          ),
        );
        continue;
      }
      keys.add(key);
      const index = this.columnIndex(column, 'properties');
      if (index === -1) this.missingColumnWarning([column], 'properties');
      else compiled.push({ index, key, column, type });
    }
    return compiled;
  }
}

/**
 * Checks a column mapping against a CSV header (required fields present, columns unambiguous,
 * constants and value maps valid) and precompiles it for normalizeCsvRecord. Problems come back as
 * row-0 errors; optional columns missing from the header come back as `compiled.warnings`.
 *
 * @example
 * const result = compileMapping(
 *   { entity: 'capacity', fields: { repExternalId: { column: 'Rep' }, day: { column: 'Day' }, sellingHours: { column: 'Selling' } } },
 *   ['Rep', 'Day', 'Selling'],
 * );
 * if (result.ok) normalizeCsvRecord(result.compiled, ['r1', '2026-03-02', '6.5'], 1);
 */
export function compileMapping(
  mapping: ColumnMapping,
  header: readonly string[],
  options: CompileMappingOptions = {},
): CompileMappingResult {
  const parsed = columnMappingSchema.safeParse(mapping);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error) };
  const valid = parsed.data;

  const timeZone = valid.timeZone ?? options.defaultTimeZone ?? 'UTC';
  let resolver: ZoneResolver;
  try {
    resolver = zoneResolverFor(timeZone);
  } catch {
    return {
      ok: false,
      errors: [
        importRowError(
          0,
          null,
          null,
          timeZone,
          `unknown time zone '${timeZone}'; use an IANA zone name such as Europe/Berlin or America/New_York`,
        ),
      ],
    };
  }

  const compiler = new Compiler(header, resolver, valid.dateFormat ?? 'iso');
  const fields: CompiledField[] = [];
  let properties: CompiledProperty[] | null = null;
  for (const spec of IMPORT_FIELDS[valid.entity]) {
    if (spec.type === 'json-properties') {
      properties = compiler.properties(valid.properties ?? []);
      continue;
    }
    fields.push(compiler.field(spec, valid.fields[spec.name]));
  }
  if (compiler.errors.length > 0) return { ok: false, errors: compiler.errors };
  return {
    ok: true,
    compiled: {
      entity: valid.entity,
      header: [...header],
      timeZone,
      warnings: compiler.warnings,
      fields,
      properties,
    },
  };
}
