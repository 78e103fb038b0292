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
 * Upserts every row of the staging table into the entity's table.
 * @example const { inserted, updated } = await upsertStagedRows(trx, 'activities', workspaceId);
 */
export async function upsertStagedRows(
  trx: Kysely<Database>,
  entity: ImportEntity,
  workspaceId: string,
): Promise<{ inserted: number; updated: number }> {
  const plan = PLANS[entity];
  const ws = sql`${workspaceId}::uuid`;
  const raw = (text: string) => sql.raw(text.replaceAll('$ws', `'${workspaceId}'::uuid`));
  const names = plan.columns.map(([name]) => name);
  const derived = plan.derived ?? [];
  const allNames = [...names, ...derived.map(([name]) => name)];
  const compared = names.filter((n) => !plan.key.includes(n));
  const updated = [...compared, ...derived.map(([name]) => name)];
  const inner = raw(
    `select ${plan.columns.map(([name, expr]) => `${expr} as ${name}`).join(', ')}
     from ${STAGING_TABLE} s ${plan.joins}`,
  );
  const result = await sql<{ inserted: number | string; updated: number | string }>`
    with up as (
      insert into ${sql.table(plan.table)} as t (workspace_id, ${sql.raw(allNames.join(', '))})
      select ${ws}, ${sql.raw(names.map((n) => `v.${n}`).join(', '))}
        ${derived.length ? sql`, ${sql.join(derived.map(([, expr]) => expr))}` : sql``}
      from (${inner}) v
      on conflict (workspace_id, ${sql.raw(plan.key.join(', '))}) do update set
        ${sql.raw(updated.map((n) => `${n} = excluded.${n}`).join(', '))}
      where (${sql.raw(compared.map((n) => `t.${n}`).join(', '))})
        is distinct from (${sql.raw(compared.map((n) => `excluded.${n}`).join(', '))})
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted) as inserted,
           count(*) filter (where not inserted) as updated
    from up`.execute(trx);
  const row = result.rows[0];
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
}
