/**
 * Streams the records of a bulk API request, NDJSON (one object per line) or a JSON array,
 * normalized by core as they arrive: the body is never held whole, so memory stays flat
 * with the batch size. A line that is not JSON is a rejected row, not a failed request; a
 * body that is not an array of objects fails the request.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { JSONParser } from '@streamparser/json';
import { DomainError, type ImportEntity, normalizeApiRecord } from '@treeline/core';
import type { NumberedRecord } from './run-import';

export type JsonBodyFormat = 'ndjson' | 'json';

/**
 * @example
 * const records = readJsonRecords('activities', Readable.fromWeb(req.body), 'ndjson');
 */
export function readJsonRecords<E extends ImportEntity>(
  entity: E,
  body: Readable,
  format: JsonBodyFormat,
): AsyncIterable<NumberedRecord<E>> {
  return format === 'ndjson' ? readNdjson(entity, body) : readJsonArray(entity, body);
}

async function* readNdjson<E extends ImportEntity>(
  entity: E,
  body: Readable,
): AsyncIterable<NumberedRecord<E>> {
  const lines = createInterface({ input: body, crlfDelay: Number.POSITIVE_INFINITY });
  let rowNumber = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    rowNumber++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield {
        rowNumber,
        result: {
          ok: false,
          errors: [
            {
              row: rowNumber,
              column: null,
              field: null,
              value: line.slice(0, 200),
              reason: `this line is not valid JSON (${(error as Error).message})`,
            },
          ],
        },
      };
      continue;
    }
    yield { rowNumber, result: normalizeApiRecord(entity, value, rowNumber) };
  }
}

async function* readJsonArray<E extends ImportEntity>(
  entity: E,
  body: Readable,
): AsyncIterable<NumberedRecord<E>> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  let ready: unknown[] = [];
  let topLevelChecked = false;
  parser.onValue = ({ value }) => {
    ready.push(value);
  };
  let rowNumber = 0;
  for await (const chunk of body) {
    if (!topLevelChecked) {
      const text = chunk.toString('utf8').trimStart();
      if (text === '') continue;
      topLevelChecked = true;
      if (!text.startsWith('[')) {
        throw new DomainError(
          'malformed_body',
          'The body must be a JSON array of records (or NDJSON with Content-Type application/x-ndjson).',
        );
      }
    }
    try {
      parser.write(chunk as Buffer);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw new DomainError(
        'malformed_body',
        `The body is not valid JSON after record ${rowNumber + ready.length}: ${(error as Error).message}`,
      );
    }
    const values = ready;
    ready = [];
    for (const value of values) {
      rowNumber++;
      yield { rowNumber, result: normalizeApiRecord(entity, value, rowNumber) };
    }
  }
  if (!topLevelChecked) return;
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      throw new DomainError(
        'malformed_body',
        `The JSON body ends too early (after record ${rowNumber}): ${(error as Error).message}`,
      );
    }
  }
}
