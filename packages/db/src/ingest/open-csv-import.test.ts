import { Readable } from 'node:stream';
import { type ColumnMapping, DomainError } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import { openCsvImport, previewCsv } from './open-csv-import';

const MAPPING: ColumnMapping = {
  entity: 'reps',
  fields: { externalId: { column: 'Rep ID' }, name: { column: 'Name' }, team: { column: 'Team' } },
};

/** The text's UTF-8 bytes as a stream of chunks of `size` bytes (cutting characters too). */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

async function readAll(text: string, size: number) {
  const csv = await openCsvImport<'reps'>(chunked(text, size), MAPPING);
  const rows: unknown[] = [];
  for await (const batch of csv.records) {
    for (const { rowNumber, result } of batch) {
      rows.push(
        result.ok
          ? [rowNumber, result.row.externalId, result.row.name, result.row.team]
          : [rowNumber, result.errors[0]?.reason],
      );
    }
  }
  return rows;
}

describe('openCsvImport', () => {
  const file =
    '\uFEFFRep ID,Name,Team\r\n' +
    'r1,"Smith, Ann",Team A\r\n' +
    '\r\n' +
    'r2,"Line one\r\nline two",Team B\r\n' +
    'r3,"She said ""hi""",Équipe C\r\n' +
    'r4,Zoë,Team D';

  it('reads quoted delimiters, quoted line breaks, doubled quotes and CRLF, whatever the chunking', async () => {
    const expected = [
      [1, 'r1', 'Smith, Ann', 'Team A'],
      [2, 'r2', 'Line one\r\nline two', 'Team B'],
      [3, 'r3', 'She said "hi"', 'Équipe C'],
      [4, 'r4', 'Zoë', 'Team D'],
    ];
    for (const size of [1, 2, 3, 7, 16, 64, 1 << 20]) {
      expect(await readAll(file, size), `chunks of ${size} bytes`).toEqual(expected);
    }
  });

  it('reads a chunk larger than it parses at once the same as small chunks', async () => {
    // 200 KB in one chunk: parsed in slices, cut inside quoted line breaks and after "É".
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `r${i},"Ann ${i}\r\nzweite Zeile",Équipe ${i}`,
    );
    const big = `Rep ID,Name,Team\r\n${rows.join('\r\n')}\r\n`;
    const whole = await readAll(big, 1 << 20);
    expect(whole).toHaveLength(4000);
    expect(whole[3999]).toEqual([4000, 'r3999', 'Ann 3999\r\nzweite Zeile', 'Équipe 3999']);
    expect(whole).toEqual(await readAll(big, 4096));
  });

  it('names a row whose field count differs from the header', async () => {
    expect(await readAll('Rep ID,Name,Team\nr1,Ann\nr2,Bob,B\n', 5)).toEqual([
      [
        1,
        'this row has 2 fields but the header has 3; check the delimiter and that quoted values are closed',
      ],
      [2, 'r2', 'Bob', 'B'],
    ]);
  });

  it('refuses a file whose quote is never closed, naming the record', async () => {
    const error = await readAll('Rep ID,Name,Team\nr1,Ann,A\nr2,"Bob,B\nr3,Cy,C\n', 4).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('malformed_csv');
    expect((error as DomainError).message).toContain('record 3');
    expect((error as DomainError).message).toContain('not closed');
  });

  it('refuses a quoted value that goes on after its closing quote', async () => {
    const error = await readAll('Rep ID,Name,Team\nr1,"Ann" Lee,A\n', 64).catch((e: unknown) => e);
    expect((error as DomainError).code).toBe('malformed_csv');
    expect((error as DomainError).message).toContain('record 2');
  });

  it('previews semicolon files and lone-CR line endings', async () => {
    const preview = await previewCsv(chunked('Rep ID;Name;Team\rr1;Ann;A\rr2;Bob;B\r', 3), 20);
    expect(preview.delimiter).toBe(';');
    expect(preview.header).toEqual(['Rep ID', 'Name', 'Team']);
    expect(preview.rows).toEqual([
      ['r1', 'Ann', 'A'],
      ['r2', 'Bob', 'B'],
    ]);
  });
});
