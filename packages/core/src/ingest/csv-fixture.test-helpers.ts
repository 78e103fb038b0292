// Test helper: reads a CSV fixture of packages/core/fixtures/ingest and runs it through preset detection, compilation and normalization.

import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import { type CompileMappingOptions, compileMapping } from './compile-mapping';
import type { CompiledMapping } from './compiled-mapping';
import { detectPreset } from './detect-preset';
import type { ImportEntity } from './import-entity';
import type { ImportPreset } from './import-preset';
import type { ImportRowOf } from './import-row';
import type { NormalizedRecord } from './import-row-error';
import { normalizeCsvRecord } from './normalize-csv-record';

/** The header and records of a fixture file, parsed as a real upload would be (a leading BOM dropped). */
export function readCsvFixture(name: string): { header: string[]; records: string[][] } {
  const text = readFileSync(new URL(`../../fixtures/ingest/${name}`, import.meta.url), 'utf8');
  const rows: string[][] = parse(text, { bom: true, relax_column_count: true });
  const [header, ...records] = rows;
  if (!header) throw new Error(`fixture ${name} is empty`);
  return { header, records };
}

/** A fixture run through detectPreset, compileMapping and normalizeCsvRecord. */
export interface FixtureImport<E extends ImportEntity> {
  preset: ImportPreset;
  compiled: CompiledMapping;
  results: NormalizedRecord<ImportEntity>[];
  /** The normalized rows, asserting every record was accepted. */
  rows: ImportRowOf<E>[];
}

/** Imports a fixture the way the app does; fails the test when no preset or the mapping does not fit. */
export function importFixture<E extends ImportEntity>(
  name: string,
  entity: E,
  options: CompileMappingOptions = {},
): FixtureImport<E> {
  const { header, records } = readCsvFixture(name);
  const preset = detectPreset(header);
  if (!preset) throw new Error(`no preset detected for ${name}`);
  expect(preset.entity).toBe(entity);
  const result = compileMapping(preset.mapping, header, options);
  if (!result.ok) throw new Error(`mapping does not fit ${name}: ${JSON.stringify(result.errors)}`);
  const results = records.map((record, index) =>
    normalizeCsvRecord(result.compiled, record, index + 1),
  );
  const rows = results.map((r, index) => {
    if (!r.ok) throw new Error(`row ${index + 1} of ${name} refused: ${JSON.stringify(r.errors)}`);
    return r.row as ImportRowOf<E>;
  });
  return { preset, compiled: result.compiled, results, rows };
}

/** An ISO string of a Date or null, for compact assertions. */
export function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
