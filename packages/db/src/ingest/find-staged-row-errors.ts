/**
 * The checks that need the whole import or the database, run set-based over the staging
 * table once every row is in: a key repeated within the import (every occurrence after
 * the first is rejected) and references to contacts or reps the workspace does not have.
 * Rejected rows land in a temporary table so that a commit-valid import can drop them
 * from staging in one statement.
 */
import type { ImportEntity, ImportRowError } from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';
import type { StagingSpec } from './staging-spec';
import { STAGING_TABLE } from './staging-writer';

export const REJECTS_TABLE = 'import_stage_rejects';

export interface StagedRowErrors {
  /** The first `limit` errors, by row. */
  errors: ImportRowError[];
  /** Distinct rows with at least one error. */
  rejectedRows: number;
}

/**
 * @example
 * const { errors, rejectedRows } = await findStagedRowErrors(trx, spec, workspaceId, columnOf, 1000);
 */
export async function findStagedRowErrors<E extends ImportEntity>(
  trx: Kysely<Database>,
  spec: StagingSpec<E>,
  workspaceId: string,
  columnOf: (field: string) => string | null,
  limit: number,
): Promise<StagedRowErrors> {
  await sql
    .raw(
      `create temp table ${REJECTS_TABLE} (row_number bigint not null, field text, value text, reason text not null) on commit drop`,
    )
    .execute(trx);

  const key = spec.uniqueKey;
  const keyList = key.map((k) => `s.${k}`).join(', ');
  const keyText = key.map((k) => `coalesce(s.${k}::text, '')`).join(` || ' / ' || `);
  // The error names the external id when the key has one (the rest qualifies it).
  const keyColumn = key.includes('external_id') ? 'external_id' : key[key.length - 1];
  const keyField = spec.columns.find((c) => c.name === keyColumn)?.field ?? null;
  await sql`insert into ${sql.table(REJECTS_TABLE)} (row_number, field, value, reason)
    select d.row_number, ${keyField}, d.key_text,
      ${describeKey(spec)} || ' ' || quote_literal(d.key_text) || ' is also on row ' || d.first_row || ' of this import'
    from (
      select s.row_number, ${sql.raw(keyText)} as key_text,
        min(s.row_number) over (partition by ${sql.raw(keyList)}) as first_row
      from ${sql.table(STAGING_TABLE)} s
    ) d
    where d.row_number <> d.first_row`.execute(trx);

  for (const ref of spec.references) {
    const field = spec.columns.find((c) => c.name === ref.column)?.field ?? ref.column;
    await sql`insert into ${sql.table(REJECTS_TABLE)} (row_number, field, value, reason)
      select s.row_number, ${field}, ${sql.ref(`s.${ref.column}`)},
        ${`no ${ref.noun} with external id `} || quote_literal(${sql.ref(`s.${ref.column}`)})
          || ${` in this workspace; import the ${ref.table} first or fix the reference`}
      from ${sql.table(STAGING_TABLE)} s
      where ${sql.ref(`s.${ref.column}`)} is not null
        and not exists (
          select 1 from ${sql.table(ref.table)} x
          where x.workspace_id = ${workspaceId} and x.external_id = ${sql.ref(`s.${ref.column}`)}
        )`.execute(trx);
  }

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

/** Drops every rejected row from staging (commit-valid imports). */
export async function dropRejectedStagedRows(trx: Kysely<Database>): Promise<void> {
  await sql`delete from ${sql.table(STAGING_TABLE)} s
    where s.row_number in (select row_number from ${sql.table(REJECTS_TABLE)})`.execute(trx);
}

function describeKey<E extends ImportEntity>(spec: StagingSpec<E>): string {
  if (spec.uniqueKey.length === 1) return 'external id';
  return spec.uniqueKey.join(' + ').replaceAll('_', ' ');
}
