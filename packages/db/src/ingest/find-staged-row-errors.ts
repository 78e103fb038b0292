/**
 * The checks that need the whole import or the database, read off the resolved rows
 * (upsert-staged-rows.ts notes them in the same pass that resolves the rows): a key
 * repeated within the import (every occurrence after the first is rejected) and
 * references to contacts or reps the workspace does not have. Rejected rows land in a
 * temporary table so that a commit-valid import can drop them in one statement.
 */
import type { ImportEntity, ImportRowError } from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';
import type { StagingSpec } from './staging-spec';
import { missingColumnOf, RESOLVED_TABLE } from './upsert-staged-rows';

export const REJECTS_TABLE = 'import_stage_rejects';

export interface StagedRowErrors {
  /** The first `limit` errors, by row. */
  errors: ImportRowError[];
  /** Distinct rows with at least one error. */
  rejectedRows: number;
}

/**
 * Call after resolveStagedRows; repeated keys are reported once markRepeatedKeys noted them.
 * @example
 * const { errors, rejectedRows } = await findStagedRowErrors(trx, spec, columnOf, 1000);
 */
export async function findStagedRowErrors<E extends ImportEntity>(
  trx: Kysely<Database>,
  spec: StagingSpec<E>,
  columnOf: (field: string) => string | null,
  limit: number,
): Promise<StagedRowErrors> {
  const fieldOf = (column: string) => spec.columns.find((c) => c.name === column)?.field ?? null;
  // The error names the external id when the key has one (the rest qualifies it).
  const key = spec.uniqueKey;
  const keyField = fieldOf(key.includes('external_id') ? 'external_id' : (key.at(-1) as string));
  const checks = [
    sql`(${keyField}::text, r.duplicate_key, ${describeKey(spec)} || ' ' || quote_literal(r.duplicate_key) || ' is also on row ' || r.duplicate_of || ' of this import')`,
    ...spec.references.map(({ column, noun, table }) => {
      const value = sql.ref(`r.${missingColumnOf(column)}`);
      return sql`(${fieldOf(column) ?? column}::text, ${value}, ${`no ${noun} with external id `} || quote_literal(${value}) || ${` in this workspace; import the ${table} first or fix the reference`})`;
    }),
  ];
  const anyError = [
    'r.duplicate_of is not null',
    ...spec.references.map(({ column }) => `r.${missingColumnOf(column)} is not null`),
  ].join(' or ');
  // One scan of the resolved rows; each row with an error yields one reject per problem.
  // Run again (after markRepeatedKeys), it finds them all again.
  await sql
    .raw(
      `create temp table if not exists ${REJECTS_TABLE} (row_number bigint not null, field text, value text, reason text not null) on commit drop`,
    )
    .execute(trx);
  await sql.raw(`truncate ${REJECTS_TABLE}`).execute(trx);
  await sql`insert into ${sql.table(REJECTS_TABLE)} (row_number, field, value, reason)
    select r.row_number, e.field, e.value, e.reason
    from ${sql.table(RESOLVED_TABLE)} r
    cross join lateral (values ${sql.join(checks)}) as e(field, value, reason)
    where (${sql.raw(anyError)}) and e.value is not null`.execute(trx);

  const counted = await sql<{ n: number | string }>`
    select count(distinct row_number) as n from ${sql.table(REJECTS_TABLE)}`.execute(trx);
  const rejectedRows = Number(counted.rows[0]?.n ?? 0);
  if (rejectedRows === 0) return { errors: [], rejectedRows };
  const rows = await sql<RejectRow>`
    select row_number, field, value, reason from ${sql.table(REJECTS_TABLE)}
    order by row_number, field limit ${limit}`.execute(trx);
  return {
    rejectedRows,
    errors: rows.rows.map((r) => ({
      row: Number(r.row_number),
      column: r.field ? columnOf(r.field) : null,
      field: r.field,
      value: r.value,
      reason: r.reason,
    })),
  };
}

interface RejectRow {
  row_number: number;
  field: string | null;
  value: string | null;
  reason: string;
}

/** Drops every rejected row from the resolved rows (commit-valid imports, dry runs). */
export async function dropRejectedRows(trx: Kysely<Database>): Promise<void> {
  await sql`delete from ${sql.table(RESOLVED_TABLE)} r
    where r.row_number in (select row_number from ${sql.table(REJECTS_TABLE)})`.execute(trx);
}

function describeKey<E extends ImportEntity>(spec: StagingSpec<E>): string {
  if (spec.uniqueKey.length === 1) return 'external id';
  return spec.uniqueKey.join(' + ').replaceAll('_', ' ');
}
