/**
 * Moves the staged rows of an import into the real table, set-based, in two steps.
 * resolveStagedRows: one pass over the staging table resolves every row into a temporary
 * table (external references joined, what the checks of find-staged-row-errors.ts need
 * noted, the stored row with the same natural key looked up, whether its values differ).
 * writeResolvedRows: one UPDATE writes the changed rows and one INSERT the new ones. A row
 * is rewritten only when one of its values differs, so re-sending a batch changes nothing.
 */
import type { ImportEntity } from '@treeline/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { exclusionReasonByRules } from '../counting/mark-activity-exclusions';
import { withParallelReads } from '../parallel-reads';
import type { Database } from '../schema/database';
import { STAGING_SPECS, type StagingSpec, stagedColumnRead } from './staging-spec';

/**
 * The staged rows as resolved for the upsert (temporary, dropped at commit). Besides the
 * target table's columns, each row holds its `row_number` in the import; `duplicate_of`,
 * the first row with the same key when the row repeats one (and `duplicate_key`, that key
 * as text); for each reference column, `missing_<column>`: the external id it names when
 * the workspace has no such contact or rep; `present` and `changed` (a stored row has the
 * key; its values differ); `previous_time`, the stored row's time, and the plan's other
 * `previous_<column>` values (an activity's counting mark). `duplicate_of` and
 * `duplicate_key` are null in a pass that does not look for repeated keys, until
 * markRepeatedKeys fills them in.
 */
export const RESOLVED_TABLE = 'import_rows';

/** The column of the resolved table holding a reference that resolves to nothing. */
export const missingColumnOf = (referenceColumn: string) => `missing_${referenceColumn}`;

interface UpsertPlan {
  table: keyof Database & string;
  /** Rows are inserted in this order (by their key: the unique index then grows at its end). */
  insertOrder?: string;
  /** The row's time column: the span of the written rows is reported over it. */
  timeColumn?: string;
  /** The natural key (after workspace_id): the ON CONFLICT target, never updated. */
  key: readonly string[];
  /**
   * Target column → expression over the staging row `s` and the referenced rows: each
   * reference of the staging spec is left-joined as `c` (contacts) or `r` (reps); a row
   * whose reference resolves to nothing is kept, noted and rejected.
   */
  columns: ReadonlyArray<readonly [string, string]>;
  /** Columns derived from the others (computed over `v`, the row as it will be stored). */
  derived?: ReadonlyArray<readonly [string, RawBuilder<unknown>]>;
  /** Stored values the resolved row keeps beside its own, as `previous_<column>`. */
  previous?: readonly string[];
}

/** The alias a referenced table is joined as (an entity references each table at most once). */
const REFERENCE_ALIAS = { contacts: 'c', reps: 'r' } as const;

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
  },
  activities: {
    table: 'activities',
    key: ['external_id', 'source_system'],
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
    // The unique key's order (migration T0900): external id first, which sorts fast.
    insertOrder: 'external_id, source_system',
    timeColumn: 'occurred_at',
    // The row-level counting rules are stored as the row is written; duplicates, which
    // depend on neighbouring rows, are marked by the pass that follows the upsert.
    derived: [['excluded_reason', exclusionReasonByRules('v')]],
    // An import that writes nothing counts its exclusions by the stored marks.
    previous: ['excluded_reason'],
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
    // Reported as the import event's span: scoring rescores the contacts with events in it.
    timeColumn: 'occurred_at',
  },
};

/** The table an entity is imported into. */
export function targetTableOf(entity: ImportEntity): keyof Database & string {
  return PLANS[entity].table;
}

export interface UpsertOutcome {
  inserted: number;
  updated: number;
  /**
   * The earliest and latest time of the rows written (new values and the old values of
   * updated rows), or null when nothing was written or the entity has no time column.
   */
  span: { from: Date; to: Date } | null;
}

/**
 * Resolves every staged row into the resolved table (RESOLVED_TABLE), sorted by key when
 * the plan names an insert order: one pass joins the references, looks up the stored row
 * with the same key and compares its values, and, when the workspace `holdsRows` of the
 * entity, finds keys repeated within the import (one window over the key, which the
 * key-order sort shares). Into a workspace without rows, repeated keys are left to
 * markRepeatedKeys and the target table's unique key (see runImport): the window is a
 * fifth of the pass.
 * @example await resolveStagedRows(trx, 'activities', workspaceId, { holdsRows: true, stagingTable });
 */
export async function resolveStagedRows(
  trx: Kysely<Database>,
  entity: ImportEntity,
  workspaceId: string,
  options: { holdsRows: boolean; stagingTable: string },
): Promise<void> {
  const plan = PLANS[entity];
  const spec: StagingSpec<ImportEntity> = STAGING_SPECS[entity];
  const names = plan.columns.map(([name]) => name);
  const compared = names.filter((n) => !plan.key.includes(n));
  const derived = plan.derived ?? [];
  const staged = stagedRows(spec, options.stagingTable);
  // The workspace id is a bound parameter: the statement runs once per import, so the
  // server plans it for the value (a custom plan), as it did the literal it replaces.
  const joins = spec.references.map(({ column, table }) => {
    const alias = REFERENCE_ALIAS[table];
    return sql`left join ${sql.table(table)} ${sql.raw(alias)}
      on ${sql.ref(`${alias}.workspace_id`)} = ${workspaceId}::uuid
      and ${sql.raw(`${alias}.external_id = s.${column}`)}`;
  });
  const missing = spec.references.map(({ column, table }) => {
    const alias = REFERENCE_ALIAS[table];
    return `case when s.${column} is not null and ${alias}.id is null then s.${column} end as ${missingColumnOf(column)}`;
  });
  const repeats = options.holdsRows
    ? repeatedKeyColumns(spec)
    : 'null::bigint as duplicate_of, null::text as duplicate_key';
  const rows = sql`select s.row_number,
      ${sql.raw(plan.columns.map(([name, expr]) => `${expr} as ${name}`).join(', '))},
      ${sql.raw(repeats)}
      ${sql.raw(missing.map((m) => `, ${m}`).join(''))}
    from (${sql.raw(staged)}) s ${sql.join(joins, sql` `)}`;
  const row = sql`select v.*${derived.length ? sql`, ${sql.join(derived.map(([name, expr]) => sql`${expr} as ${sql.ref(name)}`))}` : sql``}
    from (${rows}) v`;
  const time = plan.timeColumn;
  // Into a workspace without rows there is nothing to look up: the join reads nothing.
  const lookup = options.holdsRows
    ? await storedRowLookup(trx, plan.table, options.stagingTable)
    : 'join';
  const stored =
    lookup === 'probe'
      ? // OFFSET 0 keeps the subquery from being flattened into a join the planner may
        // hash; the key is unique, so it holds at most one row.
        sql`left join lateral (select * from ${sql.table(plan.table)} t
          where ${keyMatch(plan, workspaceId, 't', 'r')} offset 0) t on true`
      : // The workspace's rows in key order: its unique index returns them so, and a merge
        // join with the staged rows (sorted by key) then reads them without sorting them (a
        // 5 M-row re-import sorted them, serially, on disk). Joined as a subquery: a
        // condition on the joined table of a LEFT JOIN does not narrow the index to its
        // key columns, so the join would sort.
        sql`left join (select * from ${sql.table(plan.table)}
          where workspace_id = ${workspaceId}
          order by ${sql.raw(plan.key.join(', '))}) t
          on ${keysEqual(plan, 't', 'r')}`;
  // The staging table is read with parallel workers (decision 0028).
  const resolve = sql`create temp table ${sql.table(RESOLVED_TABLE)} on commit drop as
    select r.*, t.workspace_id is not null as present,
      t.workspace_id is not null and (${list('t', compared)}) is distinct from (${list('r', compared)}) as changed
      ${time ? sql`, t.${sql.raw(time)} as previous_time` : sql``}
      ${sql.raw((plan.previous ?? []).map((c) => `, t.${c} as previous_${c}`).join(''))}
    from (${row}) r
    ${stored}
    ${
      plan.insertOrder
        ? sql.raw(
            `order by ${plan.insertOrder
              .split(', ')
              .map((c) => `r.${c}`)
              .join(', ')}`,
          )
        : sql``
    }`;
  await withParallelReads(trx, () => resolve.execute(trx));
  await sql.raw(`analyze ${RESOLVED_TABLE}`).execute(trx);
}

/** Stored rows per staged row from which the resolve pass probes the key per staged row. */
const PROBE_FROM_STORED_PER_STAGED = 20;

/**
 * How the resolve pass finds the stored row with a staged row's key. 'join': one join of
 * the staged rows with the table, which reads every stored row once (hashed or sorted) and
 * pays at any size beside the table. 'probe': one look-up of the table's unique key per
 * staged row, for an import small beside the table (a day's rows into years of them: 50 k
 * into 5 M resolved in 3.2 s by the join, which streams all 5 M rows through a hash; the
 * planner prices a key look-up as a random read from disk and picks the join even though
 * the table is cached). Decided from the row counts the statistics hold: the staging table
 * is analysed just before; a table never analysed counts as empty, so it is joined.
 * @example await storedRowLookup(trx, 'activities', 'import_stage_4711'); // 'probe'
 */
export async function storedRowLookup(
  trx: Kysely<Database>,
  table: string,
  stagingTable: string,
): Promise<'join' | 'probe'> {
  const { rows } = await sql<{ staged: number; stored: number }>`
    select (select reltuples from pg_class where oid = ${stagingTable}::regclass) as staged,
      (select reltuples from pg_class where oid = ${table}::regclass) as stored`.execute(trx);
  const staged = Math.max(1, Number(rows[0]?.staged ?? 0));
  const stored = Number(rows[0]?.stored ?? 0);
  return stored >= staged * PROBE_FROM_STORED_PER_STAGED ? 'probe' : 'join';
}

/**
 * Whether the workspace holds any row of the entity. When it holds none, no staged row can
 * match a stored one, and a key repeated in the import is refused by the unique key of the
 * table when written; when it does, two rows repeating a stored key would both update it,
 * so the resolve pass looks for repeated keys.
 * @example const firstLoad = !(await holdsRows(trx, 'activities', workspaceId));
 */
export async function holdsRows(
  trx: Kysely<Database>,
  entity: ImportEntity,
  workspaceId: string,
): Promise<boolean> {
  const { rows } = await sql`select 1 from ${sql.table(PLANS[entity].table)}
    where workspace_id = ${workspaceId} limit 1`.execute(trx);
  return rows.length > 0;
}

/**
 * Notes, on every resolved row whose staged key an earlier row of the import has, that
 * first row (`duplicate_of`) and the key as text (`duplicate_key`), for the checks of
 * find-staged-row-errors.ts. Reads the staging table, which holds the key as the file
 * gave it (a reference that resolves to nothing included).
 * @example await markRepeatedKeys(trx, 'capacity', stagingTable);
 */
export async function markRepeatedKeys(
  trx: Kysely<Database>,
  entity: ImportEntity,
  stagingTable: string,
): Promise<void> {
  const spec: StagingSpec<ImportEntity> = STAGING_SPECS[entity];
  await sql`update ${sql.table(RESOLVED_TABLE)} r
    set duplicate_of = d.duplicate_of, duplicate_key = d.duplicate_key
    from (
      select s.row_number, ${sql.raw(repeatedKeyColumns(spec))}
      from (${sql.raw(stagedRows(spec, stagingTable))}) s
    ) d
    where d.duplicate_of is not null and r.row_number = d.row_number`.execute(trx);
}

/**
 * Writes the resolved rows (rejected ones already dropped): one UPDATE of the changed rows
 * and one INSERT of the new ones, in key order (the unique index grows at its end). Plain
 * statements instead of INSERT … ON CONFLICT: no speculative insertion per row. Imports of
 * a workspace are serialized (an advisory lock), so no other writer can add a key in
 * between. Returns how many rows were inserted and updated (the rest were unchanged) and
 * the time span the written rows cover, old values included.
 * @example const { inserted, updated, span } = await writeResolvedRows(trx, 'activities', workspaceId);
 */
export async function writeResolvedRows(
  trx: Kysely<Database>,
  entity: ImportEntity,
  workspaceId: string,
): Promise<UpsertOutcome> {
  const plan = PLANS[entity];
  const names = plan.columns.map(([name]) => name);
  const derived = plan.derived ?? [];
  const allNames = [...names, ...derived.map(([name]) => name)];
  const updatedNames = [
    ...names.filter((n) => !plan.key.includes(n)),
    ...derived.map(([name]) => name),
  ];
  const time = plan.timeColumn;

  const updated = await sql`
    update ${sql.table(plan.table)} as t
    set ${sql.raw(updatedNames.map((n) => `${n} = r.${n}`).join(', '))}
    from ${sql.table(RESOLVED_TABLE)} r
    where r.changed and ${keyMatch(plan, workspaceId, 't', 'r')}`.execute(trx);
  // The resolved table is in key order already: a scan returns its rows in that order.
  const inserted = await sql`
    insert into ${sql.table(plan.table)} (workspace_id, ${sql.raw(allNames.join(', '))})
    select ${workspaceId}::uuid, ${list('r', allNames)}
    from ${sql.table(RESOLVED_TABLE)} r
    where not r.present`.execute(trx);

  let span: UpsertOutcome['span'] = null;
  if (time) {
    const { rows: spans } = await sql<{ from: Date | string | null; to: Date | string | null }>`
      select least(min(${sql.ref(`r.${time}`)}), min(r.previous_time)) as "from",
             greatest(max(${sql.ref(`r.${time}`)}), max(r.previous_time)) as "to"
      from ${sql.table(RESOLVED_TABLE)} r
      where r.changed or not r.present`.execute(trx);
    const first = spans[0];
    if (first?.from && first.to) span = { from: new Date(first.from), to: new Date(first.to) };
  }
  return {
    inserted: Number(inserted.numAffectedRows ?? 0),
    updated: Number(updated.numAffectedRows ?? 0),
    span,
  };
}

/**
 * `duplicate_of` (the first row with the same key, on every later one) and `duplicate_key`
 * (that key as text), over the staged rows `s`.
 */
function repeatedKeyColumns(spec: StagingSpec<ImportEntity>): string {
  const stagedKey = spec.uniqueKey.map((k) => `s.${k}`).join(', ');
  const keyText = spec.uniqueKey.map((k) => `coalesce(s.${k}::text, '')`).join(` || ' / ' || `);
  const firstRow = `min(s.row_number) over (partition by ${stagedKey})`;
  return `case when s.row_number <> ${firstRow} then ${firstRow} end as duplicate_of,
       case when s.row_number <> ${firstRow} then ${keyText} end as duplicate_key`;
}

/** The staging rows with every column read as its real type (instants are staged as numbers). */
function stagedRows(spec: StagingSpec<ImportEntity>, table: string): string {
  return `select x.row_number, ${spec.columns.map((c) => `${stagedColumnRead(c, 'x')} as ${c.name}`).join(', ')} from ${table} x`;
}

/** `left` is a row of the workspace (a bound parameter) with the natural key of `right`. */
function keyMatch(plan: UpsertPlan, workspaceId: string, left: string, right: string) {
  return sql`${sql.ref(`${left}.workspace_id`)} = ${workspaceId}::uuid and ${keysEqual(plan, left, right)}`;
}

/** The natural key of `left` equals that of `right`. */
function keysEqual(plan: UpsertPlan, left: string, right: string) {
  return sql.raw(plan.key.map((k) => `${left}.${k} = ${right}.${k}`).join(' and '));
}

function list(alias: string, columns: readonly string[]) {
  return sql.raw(columns.map((n) => `${alias}.${n}`).join(', '));
}
