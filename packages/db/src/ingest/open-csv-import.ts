/**
 * Opens a CSV file for import: checks the bytes are a UTF-8 CSV with a header and at least
 * one row (naming what is wrong otherwise: empty, header only, UTF-16 or not UTF-8, a
 * spreadsheet rather than CSV, the wrong delimiter), compiles the column mapping against
 * the header, and streams the rows normalized by core, one at a time, so memory stays flat
 * whatever the file's size.
 */
import { isUtf8 } from 'node:buffer';
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
import Papa from 'papaparse';
import { mappedColumn } from './import-csv';
import type { NumberedRecord } from './run-import';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

export interface CsvImportSource<E extends ImportEntity> {
  header: string[];
  delimiter: CsvDelimiter;
  /** Rows in batches (one per parsed chunk): fewer awaits per row at millions of rows. */
  records: AsyncIterable<NumberedRecord<E>[]>;
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
  for await (const batch of reader.rest) {
    rows.push(...batch.slice(0, limit - rows.length));
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
  async function* records(): AsyncIterable<NumberedRecord<E>[]> {
    let rowNumber = 0;
    for await (const batch of reader.rest) {
      const out: NumberedRecord<E>[] = new Array(batch.length);
      for (let i = 0; i < batch.length; i++) {
        const values = batch[i] as string[];
        rowNumber++;
        out[i] =
          values.length === width
            ? {
                rowNumber,
                result: normalizeCsvRecord(
                  mapped,
                  values,
                  rowNumber,
                ) as NumberedRecord<E>['result'],
              }
            : { rowNumber, result: { ok: false, errors: [widthError(rowNumber, values, width)] } };
      }
      yield out;
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
  /** The data rows after the header, in batches. */
  rest: AsyncIterable<string[][]>;
}

async function startCsv(source: Readable, forced?: CsvDelimiter): Promise<StartedCsv> {
  const checked = source.pipe(utf8Checker());
  source.on('error', (error) => checked.destroy(error));
  const iterator = checked[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // Look at the start of the file before choosing how to parse it.
  const pending: Buffer[] = [];
  let head = '';
  while (!head.includes('\n') && head.length < 1_000_000) {
    const next = await iterator.next();
    if (next.done) break;
    pending.push(next.value);
    head = Buffer.concat(pending).toString('utf8');
  }
  if (head.replace(/^\uFEFF/, '').trim() === '') {
    throw new DomainError('empty_file', 'The file is empty: it has no header row and no rows.');
  }
  const firstLine = (head.split('\n')[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
  const delimiter = forced ?? guessDelimiter(firstLine);
  if (forced) checkDelimiter(firstLine, forced);

  async function* chunks(): AsyncIterable<Buffer> {
    yield* pending;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const batches = parseCsvChunks(chunks(), delimiter, newlineOf(head))[Symbol.asyncIterator]();
  let buffered: string[][] = [];
  const take = async (): Promise<string[] | undefined> => {
    while (buffered.length === 0) {
      const next = await batches.next();
      if (next.done) return undefined;
      buffered = next.value;
    }
    return buffered.shift();
  };
  const first = await take();
  if (!first) {
    throw new DomainError('empty_file', 'The file is empty: it has no header row and no rows.');
  }
  const header = first.map((h) => h.trim());
  const second = await take();
  if (!second) {
    throw new DomainError(
      'header_only',
      `The file has a header row (${header.length} columns) but no data rows.`,
    );
  }
  async function* rest(): AsyncIterable<string[][]> {
    yield [second as string[], ...buffered];
    for (;;) {
      const next = await batches.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { header, delimiter, rest: rest() };
}

type Newline = '\n' | '\r\n' | '\r';

/** The line ending of the file's first line (old Mac files end lines with a lone CR). */
function newlineOf(head: string): Newline {
  const lf = head.indexOf('\n');
  if (lf > 0 && head[lf - 1] === '\r') return '\r\n';
  if (lf === -1 && head.includes('\r')) return '\r';
  return '\n';
}

/** The most characters parsed at once (see parseCsvChunks). */
const SLICE_CHARS = 64 * 1024;

/** A record longer than this is a quote left open (the rest of the file would be one value). */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * The records of UTF-8 chunks (each ending on a whole character), one array per chunk:
 * Papa Parse's parser over each chunk with the unfinished last record carried over to the
 * next, so there is one await per chunk and no event per row. Empty lines are skipped and a
 * leading byte order mark is dropped. A quote left open or a malformed one refuses the
 * file, naming the record (the header is record 1).
 */
async function* parseCsvChunks(
  chunks: AsyncIterable<Buffer>,
  delimiter: CsvDelimiter,
  newline: Newline,
): AsyncIterable<string[][]> {
  const parser = new Papa.Parser({ delimiter, newline });
  let carried = '';
  let records = 0;
  let first = true;
  const parse = (text: string, last: boolean): string[][] => {
    const result = parser.parse(text, 0, !last) as PapaResult;
    const error = result.errors[0];
    if (error) {
      throw new DomainError(
        'malformed_csv',
        `The file is not valid CSV: record ${records + 1 + (error.row ?? 0)} (the header is record 1): ${describeQuoteError(error)}.`,
      );
    }
    const rows: string[][] = [];
    for (const row of result.data) {
      if (row.length === 1 && row[0] === '') continue;
      rows.push(row);
    }
    records += rows.length;
    carried = last ? '' : text.slice(result.meta.cursor);
    return rows;
  };
  for await (const chunk of chunks) {
    let text = chunk.toString('utf8');
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    // A large chunk is parsed and handed on in slices: fewer rows alive at once, fewer of
    // them outlive a young-generation collection (5 M rows read in 1 MB chunks took 15 s
    // to stage, in 64 KB chunks 12.5 s).
    for (let at = 0; at < text.length; at += SLICE_CHARS) {
      const rows = parse(carried + text.slice(at, at + SLICE_CHARS), false);
      if (carried.length > MAX_RECORD_CHARS) {
        throw new DomainError(
          'malformed_csv',
          `The file is not valid CSV: record ${records + 1} (the header is record 1) is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB; a quoted value is probably not closed.`,
        );
      }
      if (rows.length > 0) yield rows;
    }
  }
  const rows = parse(carried, true);
  if (rows.length > 0) yield rows;
}

/** What Papa Parse's parser returns for one input. */
interface PapaResult {
  data: string[][];
  errors: { code: string; message: string; row?: number }[];
  meta: { cursor: number };
}

function describeQuoteError(error: PapaResult['errors'][number]): string {
  if (error.code === 'MissingQuotes') {
    return 'a quoted value is not closed before the end of the file';
  }
  if (error.code === 'InvalidQuotes') {
    return 'a quoted value goes on after its closing quote (a quote inside a value is written twice: "")';
  }
  return error.message;
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
 * Passes the bytes on unchanged (the CSV parser decodes them) after checking they are
 * UTF-8, refusing a UTF-16 file, a spreadsheet (ZIP) or bytes that do not decode, naming
 * the line where they start. A character split across two chunks is carried over.
 */
function utf8Checker(): Transform {
  let line = 1;
  let first = true;
  let carry: Buffer | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (first) {
        first = false;
        const refusal = refuseStart(chunk);
        if (refusal) return callback(refusal);
      }
      const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      const end = completeLength(bytes);
      const whole = end === bytes.length ? bytes : bytes.subarray(0, end);
      carry = end === bytes.length ? null : Buffer.from(bytes.subarray(end));
      if (!isUtf8(whole)) return callback(notUtf8(line, whole));
      for (let i = whole.indexOf(10); i !== -1; i = whole.indexOf(10, i + 1)) line++;
      callback(null, whole);
    },
    flush(callback) {
      if (carry && !isUtf8(carry)) {
        return callback(
          new DomainError(
            'invalid_encoding',
            `The file ends inside a UTF-8 character on line ${line}; it may be truncated or not UTF-8.`,
          ),
        );
      }
      callback(null, carry ?? undefined);
    },
  });
}

/** The length of `bytes` without a multi-byte character cut off at its end. */
function completeLength(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
    const b = bytes[i] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc0) return bytes.length;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return bytes.length - i < needed ? i : bytes.length;
  }
  return bytes.length;
}

function notUtf8(lineAtStart: number, bytes: Buffer): DomainError {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  const before = (bad === -1 ? text : text.slice(0, bad)).split('\n').length - 1;
  return new DomainError(
    'invalid_encoding',
    `Line ${lineAtStart + before} contains bytes that are not UTF-8 (the file may be Windows-1252 or Latin-1). Save or export it as "CSV UTF-8" and import it again.`,
  );
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
