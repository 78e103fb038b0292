/**
 * Opens a CSV file for import: checks the bytes are a UTF-8 CSV with a header and at least
 * one row (naming what is wrong otherwise: empty, header only, UTF-16 or not UTF-8, a
 * spreadsheet rather than CSV, the wrong delimiter), compiles the column mapping against
 * the header, and streams the rows normalized by core, one at a time, so memory stays flat
 * whatever the file's size.
 */
import { type Readable, Transform } from 'node:stream';
import {
  type ColumnMapping,
  type CompiledMapping,
  compileMapping,
  DomainError,
  type ImportEntity,
  type ImportRowError,
  normalizeCsvRecord,
} from '@treeline/core';
import { parse } from 'csv-parse';
import { mappedColumn } from './import-csv';
import type { NumberedRecord } from './run-import';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

export interface CsvImportSource<E extends ImportEntity> {
  header: string[];
  delimiter: CsvDelimiter;
  records: AsyncIterable<NumberedRecord<E>>;
  columnOf: (field: string) => string | null;
}

export interface CsvFileStart {
  header: string[];
  delimiter: CsvDelimiter;
  /** The first data rows as raw values (for previews). */
  rows: string[][];
}

/**
 * Reads only the header and the first `limit` rows (the preview before mapping).
 * @example const { header, rows } = await previewCsv(createReadStream(path), 20);
 */
export async function previewCsv(
  source: Readable,
  limit: number,
  delimiter?: CsvDelimiter,
): Promise<CsvFileStart> {
  const reader = await startCsv(source, delimiter);
  const rows: string[][] = [];
  for await (const values of reader.rest) {
    rows.push(values);
    if (rows.length >= limit) break;
  }
  source.destroy();
  return { header: reader.header, delimiter: reader.delimiter, rows };
}

/**
 * Opens a CSV file and compiles `mapping` against its header.
 * @example
 * const csv = await openCsvImport(createReadStream('calls.csv'), mapping);
 * await runImport(deps, { ...request, records: csv.records, columnOf: csv.columnOf });
 */
export async function openCsvImport<E extends ImportEntity>(
  source: Readable,
  mapping: ColumnMapping,
  delimiter?: CsvDelimiter,
): Promise<CsvImportSource<E>> {
  const reader = await startCsv(source, delimiter);
  const compiled = compileMapping(mapping, reader.header);
  if (!compiled.ok) {
    source.destroy();
    throw new DomainError('mapping_does_not_fit', describeErrors(compiled.errors), {
      errors: compiled.errors,
    });
  }
  const width = reader.header.length;
  const mapped = compiled.compiled as CompiledMapping;
  async function* records(): AsyncIterable<NumberedRecord<E>> {
    let rowNumber = 0;
    for await (const values of reader.rest) {
      rowNumber++;
      if (values.length !== width) {
        yield { rowNumber, result: { ok: false, errors: [widthError(rowNumber, values, width)] } };
        continue;
      }
      yield {
        rowNumber,
        result: normalizeCsvRecord(mapped, values, rowNumber) as NumberedRecord<E>['result'],
      };
    }
  }
  return {
    header: reader.header,
    delimiter: reader.delimiter,
    records: records(),
    columnOf: mappedColumn(mapping),
  };
}

function widthError(row: number, values: string[], width: number): ImportRowError {
  return {
    row,
    column: null,
    field: null,
    value: values.join(',').slice(0, 200),
    reason: `this row has ${values.length} fields but the header has ${width}; check the delimiter and that quoted values are closed`,
  };
}

function describeErrors(errors: readonly ImportRowError[]): string {
  return `The mapping does not fit this file: ${errors.map((e) => e.reason).join('; ')}`;
}

interface StartedCsv {
  header: string[];
  delimiter: CsvDelimiter;
  rest: AsyncIterable<string[]>;
}

async function startCsv(source: Readable, forced?: CsvDelimiter): Promise<StartedCsv> {
  const decoded = source.pipe(utf8Decoder());
  source.on('error', (error) => decoded.destroy(error));
  const iterator = decoded[Symbol.asyncIterator]() as AsyncIterator<string>;
  // Look at the start of the file before choosing how to parse it.
  let head = '';
  const pending: string[] = [];
  while (!head.includes('\n') && head.length < 1_000_000) {
    const next = await iterator.next();
    if (next.done) break;
    pending.push(next.value);
    head += next.value;
  }
  if (head.replace(/^\uFEFF/, '').trim() === '') {
    throw new DomainError('empty_file', 'The file is empty: it has no header row and no rows.');
  }
  const firstLine = (head.split('\n')[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
  const delimiter = forced ?? guessDelimiter(firstLine);
  if (forced) checkDelimiter(firstLine, forced);

  async function* chunks(): AsyncIterable<string> {
    yield* pending;
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  const feeding = (async () => {
    try {
      for await (const chunk of chunks()) {
        if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const first = await nextRow(rows);
  if (first.done) {
    throw new DomainError('empty_file', 'The file is empty: it has no header row and no rows.');
  }
  const header = first.value.map((h) => h.trim());
  const second = await nextRow(rows);
  if (second.done) {
    throw new DomainError(
      'header_only',
      `The file has a header row (${header.length} columns) but no data rows.`,
    );
  }
  async function* rest(): AsyncIterable<string[]> {
    yield second.value as string[];
    while (true) {
      const next = await nextRow(rows);
      if (next.done) break;
      yield next.value;
    }
    await feeding;
  }
  return { header, delimiter, rest: rest() };
}

async function nextRow(rows: AsyncIterator<string[]>): Promise<IteratorResult<string[]>> {
  try {
    return await rows.next();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new DomainError('malformed_csv', `The file is not valid CSV: ${message}`);
  }
}

/** The delimiter that splits the header line into the most columns (quotes respected). */
function guessDelimiter(line: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const n = countOutsideQuotes(line, d);
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

function checkDelimiter(line: string, delimiter: CsvDelimiter): void {
  if (countOutsideQuotes(line, delimiter) > 0) return;
  const other = DELIMITERS.find((d) => countOutsideQuotes(line, d) > 0);
  if (other) {
    throw new DomainError(
      'wrong_delimiter',
      `The header row has no ${nameOf(delimiter)} but does have ${nameOf(other)}s: the file looks ${nameOf(other)}-delimited. Choose ${nameOf(other)} as the delimiter.`,
    );
  }
}

function nameOf(d: CsvDelimiter): string {
  return d === '\t' ? 'tab' : d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'pipe';
}

function countOutsideQuotes(line: string, char: string): number {
  let quoted = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) n++;
  }
  return n;
}

/**
 * Bytes → text, refusing what is not UTF-8: a UTF-16 file, a spreadsheet (ZIP) or bytes
 * that do not decode, naming the line where they start.
 */
function utf8Decoder(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  let first = true;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback) {
      if (first) {
        first = false;
        const refusal = refuseStart(chunk);
        if (refusal) return callback(refusal);
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const valid = longestValidPrefix(chunk);
        const before = valid.split('\n').length - 1;
        return callback(
          new DomainError(
            'invalid_encoding',
            `Line ${line + before} contains bytes that are not UTF-8 (the file may be Windows-1252 or Latin-1). Save or export it as "CSV UTF-8" and import it again.`,
          ),
        );
      }
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line++;
      if (text) this.push(text);
      callback();
    },
    flush(callback) {
      try {
        const rest = decoder.decode();
        if (rest) this.push(rest);
        callback();
      } catch {
        callback(
          new DomainError(
            'invalid_encoding',
            `The file ends inside a UTF-8 character on line ${line}; it may be truncated or not UTF-8.`,
          ),
        );
      }
    },
  });
}

function refuseStart(chunk: Buffer): DomainError | null {
  if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
    return new DomainError(
      'invalid_encoding',
      'The file is UTF-16 encoded; save or export it as "CSV UTF-8" and import it again.',
    );
  }
  if (chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04) {
    return new DomainError(
      'not_csv',
      'This is a spreadsheet or ZIP file, not CSV; export the sheet as "CSV UTF-8" and import that.',
    );
  }
  return null;
}

function longestValidPrefix(chunk: Buffer): string {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const text = decoder.decode(chunk);
  const bad = text.indexOf('\uFFFD');
  return bad === -1 ? text : text.slice(0, bad);
}
