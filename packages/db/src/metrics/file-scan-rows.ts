/**
 * Reads the rows of one grouped scan (compileSourceScan's or compileActivityRollupScan's
 * shape: at_key, bucket, d<i>/g<i> per split, m<i> per aggregate) into core's
 * AggregateResults, by aggregate, split value and bucket.
 */
import type { AggregateResults, AggregateSpec, BucketValue, SplitSelector } from '@treeline/core';
import type { CompiledScan, ScanRow } from './compile-source-scan';

/**
 * @example
 * const { rows } = await scan.query.execute(db);
 * fileScanRows(results, scan, aggregates, rows);
 */
export function fileScanRows(
  results: AggregateResults,
  scan: CompiledScan,
  aggregates: ReadonlyMap<string, AggregateSpec>,
  rows: readonly ScanRow[],
): void {
  const readers = [...aggregates.entries()].map(([key, spec]) => ({
    key,
    spec,
    column: scan.columnOf.get(key)!,
    atKey: scan.atKeyOf.get(spec.at)!,
  }));
  for (const row of rows) {
    // The grouping set a row belongs to: the total, or the split whose grouping flag is 0.
    let split: SplitSelector = null;
    scan.splits.forEach((dimension, index) => {
      if (Number(row[`g${index}`]) === 0) {
        split = { dimension, value: (row[`d${index}`] as string | null) ?? null };
      }
    });
    const bucket = Number(row.bucket);
    const atKey = Number(row.at_key);
    for (const reader of readers) {
      if (reader.atKey !== atKey) continue;
      const raw = row[reader.column];
      const value: BucketValue =
        reader.spec.measure === 'distinct_values'
          ? ((raw as string[] | null) ?? [])
          : raw === null || raw === undefined
            ? null
            : Number(raw);
      results.set(reader.key, split, bucket, value);
    }
  }
}
