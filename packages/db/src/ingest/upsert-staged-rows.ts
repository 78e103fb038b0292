/**
 * Moves the staged rows of an import into the real table in ONE set-based statement per
 * entity: external references resolved by joins (checked beforehand, see
 * find-staged-row-errors.ts), upserted by the entity's natural key, and a row rewritten
 * only when one of its values differs, so re-sending a batch changes nothing. Returns how
 * many rows were inserted and updated; the rest of the staged rows were unchanged.
 */
import type { ImportEntity } from '@treeline/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { exclusionReasonByRules } from '../counting/mark-activity-exclusions';
import type { Database } from '../schema/database';
import { STAGING_TABLE } from './staging-writer';

interface UpsertPlan {
  table: keyof Database & string;
  /** Rows are inserted in this order (by their key: the unique index then grows at its end). */
  insertOrder?: string;
  /** The natural key (after workspace_id): the ON CONFLICT target, never updated. */
  key: readonly string[];
  /** Target column → expression over the staging row `s` and the joins. */
  columns: ReadonlyArray<readonly [string, string]>;
  joins: string;
  /** Columns derived from the others (computed over `v`, the row as it will be stored). */
  derived?: ReadonlyArray<readonly [string, RawBuilder<unknown>]>;
}

const contactJoin = (column: string, kind: 'left' | 'inner' = 'left') =>
  `${kind} join contacts c on c.workspace_id = $ws and c.external_id = s.${column}`;
const repJoin = (column: string, kind: 'left' | 'inner' = 'left') =>
  `${kind} join reps r on r.workspace_id = $ws and r.external_id = s.${column}`;

const PLANS: Record<ImportEntity, UpsertPlan> = {
  reps: {
    table: 'reps',
    key: ['external_id'],
    columns: [
      ['external_id', 's.external_id'],
      ['name', 's.name'],
      ['team', 's.team'],
      ['segment', 's.segment'],
      ['active_from', 's.active_from'],
      ['active_to', 's.active_to'],
      ['default_selling_hours', 'coalesce(s.default_selling_hours, 6)'],
      ['default_admin_hours', 'coalesce(s.default_admin_hours, 2)'],
    ],
    joins: '',
  },
  capacity: {
    table: 'capacity',
    key: ['rep_id', 'day'],
    columns: [
      ['rep_id', 'r.id'],
      ['day', 's.day'],
      ['selling_hours', 's.selling_hours'],
      ['admin_hours', 'coalesce(s.admin_hours, 0)'],
    ],
    joins: repJoin('rep_external_id', 'inner'),
  },
  contacts: {
    table: 'contacts',
    key: ['external_id'],
    columns: [
      ['external_id', 's.external_id'],
      ['created_at', 's.created_at'],
      ['qualified_at', 's.qualified_at'],
      ['customer_at', 's.customer_at'],
      ['lifecycle_stage', 's.lifecycle_stage'],
      ['source', 's.source'],
      ['segment', 's.segment'],
      ['owner_rep_id', 'r.id'],
      ['account', 's.account'],
      ['properties', 's.properties'],
      ['deleted_at', 's.deleted_at'],
    ],
    joins: repJoin('owner_rep_external_id'),
  },
  activities: {
    table: 'activities',
    key: ['source_system', 'external_id'],
    columns: [
      ['external_id', 's.external_id'],
      ['source_system', 's.source_system'],
      ['contact_id', 'c.id'],
      ['rep_id', 'r.id'],
      ['channel', 's.channel'],
      ['occurred_at', 's.occurred_at'],
      ['direction', 's.direction'],
      ['automated', 's.automated'],
      ['system_generated', 's.system_generated'],
      ['replied', 's.replied'],
      ['meeting_booked', 's.meeting_booked'],
      ['deleted_at', 's.deleted_at'],
    ],
    joins: `${contactJoin('contact_external_id')} ${repJoin('rep_external_id')}`,
    insertOrder: 'source_system, r.external_id',
    // The row-level counting rules are stored as the row is written; duplicates, which
    // depend on neighbouring rows, are marked by the pass that follows the upsert.
    derived: [['excluded_reason', exclusionReasonByRules('v')]],
  },
  deals: {
    table: 'deals',
    key: ['external_id'],
    columns: [
      ['external_id', 's.external_id'],
      ['contact_id', 'c.id'],
      ['account', 's.account'],
      ['owner_rep_id', 'r.id'],
      ['created_at', 's.created_at'],
      ['closed_at', 's.closed_at'],
      ['stage', 's.stage'],
      ['outcome', 's.outcome'],
      ['amount', 's.amount'],
      ['deleted_at', 's.deleted_at'],
    ],
    joins: `${contactJoin('contact_external_id')} ${repJoin('owner_rep_external_id')}`,
  },
  events: {
    table: 'engagement_events',
    key: ['external_id'],
    columns: [
      ['external_id', 's.external_id'],
      ['contact_id', 'c.id'],
      ['type', 's.type'],
      ['occurred_at', 's.occurred_at'],
      ['properties', 's.properties'],
    ],
    joins: contactJoin('contact_external_id', 'inner'),
  },
};

/** The table an entity is imported into. */
export function targetTableOf(entity: ImportEntity): keyof Database & string {
  return PLANS[entity].table;
}

/**
 * Upserts every row of the staging table into the entity's table: one INSERT of the rows
 * whose key is new and one UPDATE of the rows whose values differ. Two plain statements
 * instead of INSERT … ON CONFLICT: no speculative insertion per row, about twice as fast at
 * millions of rows. Imports of a workspace are serialized (an advisory lock), so no other
 * writer can add a key between the two.
 * @example const { inserted, updated } = await upsertStagedRows(trx, 'activities', workspaceId);
 */
export async function upsertStagedRows(
  trx: Kysely<Database>,
  entity: ImportEntity,
  workspaceId: string,
): Promise<{ inserted: number; updated: number }> {
  const plan = PLANS[entity];
  const raw = (text: string) => sql.raw(text.replaceAll('$ws', `'${workspaceId}'::uuid`));
  const names = plan.columns.map(([name]) => name);
  const derived = plan.derived ?? [];
  const allNames = [...names, ...derived.map(([name]) => name)];
  const compared = names.filter((n) => !plan.key.includes(n));
  const updatedNames = [...compared, ...derived.map(([name]) => name)];
  const rows = raw(
    `select ${plan.columns.map(([name, expr]) => `${expr} as ${name}`).join(', ')}
     from ${STAGING_TABLE} s ${plan.joins}`,
  );
  const row = sql`select v.*${derived.length ? sql`, ${sql.join(derived.map(([name, expr]) => sql`${expr} as ${sql.ref(name)}`))}` : sql``}
    from (${rows}) v`;
  const keyMatch = (left: string, right: string) =>
    sql.raw(
      [`${left}.workspace_id = '${workspaceId}'::uuid`]
        .concat(plan.key.map((k) => `${left}.${k} = ${right}.${k}`))
        .join(' and '),
    );

  const updated = await sql<{ n: number | string }>`
    with changed as (
      update ${sql.table(plan.table)} as t
      set ${sql.raw(updatedNames.map((n) => `${n} = r.${n}`).join(', '))}
      from (${row}) r
      where ${keyMatch('t', 'r')}
        and (${sql.raw(compared.map((n) => `t.${n}`).join(', '))})
          is distinct from (${sql.raw(compared.map((n) => `r.${n}`).join(', '))})
      returning 1
    )
    select count(*) as n from changed`.execute(trx);
  const inserted = await sql<{ n: number | string }>`
    with added as (
      insert into ${sql.table(plan.table)} (workspace_id, ${sql.raw(allNames.join(', '))})
      select ${workspaceId}::uuid, ${sql.raw(allNames.map((n) => `r.${n}`).join(', '))}
      from (${row}) r
      where not exists (select 1 from ${sql.table(plan.table)} t where ${keyMatch('t', 'r')})
      ${plan.insertOrder ? sql.raw(`order by r.${plan.insertOrder}`) : sql``}
      returning 1
    )
    select count(*) as n from added`.execute(trx);
  return {
    inserted: Number(inserted.rows[0]?.n ?? 0),
    updated: Number(updated.rows[0]?.n ?? 0),
  };
}
