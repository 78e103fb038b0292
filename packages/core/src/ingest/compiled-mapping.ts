// The precompiled form of a column mapping for one header: everything a row needs, resolved once (column indices, parsers, value maps).

import type { ImportEntity } from './import-entity';
import type { ImportFieldSpec } from './import-fields';
import type { ImportRowError } from './import-row-error';
import type { FieldProblem, FieldValue } from './parse-field-literal';

/** Where a value comes from: the first non-empty of some columns, or a fixed value. */
export type CompiledSource =
  | { kind: 'columns'; indices: readonly number[]; names: readonly string[] }
  | { kind: 'literal'; value: FieldValue | null };

/** A column test of a case, on the trimmed, lower-cased cell. */
export interface CompiledTest {
  index: number;
  kind: 'in' | 'startsWith' | 'present' | 'absent';
  words: readonly string[];
}

/** One rule of a field's cases. */
export interface CompiledCase {
  tests: readonly CompiledTest[];
  source: CompiledSource;
}

/** One field, ready to read a row. */
export interface CompiledField {
  name: string;
  spec: ImportFieldSpec;
  cases: readonly CompiledCase[] | null;
  base: CompiledSource | null;
  /** Typed value for an empty cell (mapping default, else the field's default), or null. */
  emptyValue: FieldValue | null;
  /** Lower-cased source value → typed value (null: treat as empty). */
  valueMap: ReadonlyMap<string, FieldValue | null> | null;
  /** Typed value for any other non-empty value ("*"), undefined when absent. */
  fallback: FieldValue | null | undefined;
  /** The source values the map knows, for messages. */
  mappedKeys: readonly string[];
  split: string | null;
  /** Parses a trimmed non-empty cell. */
  parse: (text: string) => FieldValue | FieldProblem;
  /** The column named in messages about this field when no cell was read. */
  primaryColumn: string | null;
}

/** A column copied into properties. */
export interface CompiledProperty {
  index: number;
  key: string;
  column: string;
  type: 'text' | 'number' | 'boolean';
}

/**
 * A column mapping bound to one header: build it with compileMapping, then feed every row to
 * normalizeCsvRecord. Holds caches (time-zone offsets), so reuse one per file.
 */
export interface CompiledMapping<E extends ImportEntity = ImportEntity> {
  readonly entity: E;
  readonly header: readonly string[];
  readonly timeZone: string;
  /** Things worth showing but not blocking (an optional column absent from the header). */
  readonly warnings: readonly ImportRowError[];
  readonly fields: readonly CompiledField[];
  readonly properties: readonly CompiledProperty[] | null;
}
