/**
 * The live preview of a mapping: the sample rows of an upload normalized in the browser with
 * the same code the server imports with (`compileMapping` + `normalizeCsvRecord`), as a grid
 * of field values and per-cell problems, so a wrong column or date format shows before "Check".
 */
import {
  type ColumnMapping,
  compileMapping,
  type ImportRowError,
  normalizeCsvRecord,
} from '@treeline/core';

/** One cell of the preview: the normalized value as text, or why the row's value is refused. */
export interface PreviewCell {
  text: string | null;
  error: string | null;
}

/** One previewed row: 1-based like the server's row numbers. */
export interface PreviewRow {
  row: number;
  ok: boolean;
  cells: Record<string, PreviewCell>;
  /** Problems that belong to no one field (e.g. too many values in the row). */
  rowErrors: string[];
}

export type MappingPreview =
  | { ok: false; errors: ImportRowError[] }
  | { ok: true; warnings: readonly ImportRowError[]; rows: PreviewRow[] };

/** A normalized value as the preview shows it: instants in ISO, the rest as written. */
export function previewText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Normalizes the sample rows through the mapping; a mapping that does not compile against the
 * header comes back as its row-0 problems instead.
 *
 * @example
 * previewMapping(mapping, ['Id', 'Name'], [['r1', 'Ann']], 'Europe/Berlin').ok; // true
 */
export function previewMapping(
  mapping: ColumnMapping,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  defaultTimeZone: string,
): MappingPreview {
  const compiled = compileMapping(mapping, header, { defaultTimeZone });
  if (!compiled.ok) return { ok: false, errors: compiled.errors };
  const fieldNames = compiled.compiled.fields.map((field) => field.name);
  const withProperties = compiled.compiled.properties !== null;
  const previewRows = rows.map((values, index): PreviewRow => {
    const row = index + 1;
    const result = normalizeCsvRecord(compiled.compiled, values, row);
    const cells: Record<string, PreviewCell> = {};
    if (result.ok) {
      const record = result.row as unknown as Record<string, unknown>;
      for (const name of fieldNames) cells[name] = { text: previewText(record[name]), error: null };
      if (withProperties) {
        const properties = record.properties as Record<string, unknown> | null | undefined;
        cells.properties = {
          text: properties && Object.keys(properties).length > 0 ? previewText(properties) : null,
          error: null,
        };
      }
      return { row, ok: true, cells, rowErrors: [] };
    }
    const rowErrors: string[] = [];
    for (const error of result.errors) {
      if (error.field === null) {
        rowErrors.push(error.reason);
        continue;
      }
      const cell = cells[error.field];
      cells[error.field] = {
        text: error.value,
        error: cell?.error ? `${cell.error}; ${error.reason}` : error.reason,
      };
    }
    // The fields without a problem show their raw cell, since the row never normalized.
    for (const field of compiled.compiled.fields) {
      if (cells[field.name]) continue;
      const index = field.primaryColumn === null ? -1 : header.indexOf(field.primaryColumn);
      const raw = index === -1 ? '' : (values[index] ?? '').trim();
      cells[field.name] = { text: raw === '' ? null : raw, error: null };
    }
    return { row, ok: false, cells, rowErrors };
  });
  return { ok: true, warnings: compiled.compiled.warnings, rows: previewRows };
}
