/**
 * The staging table of each importable entity: its columns (typed as PostgreSQL will read
 * them), how a normalized row from core becomes those column values, and the key that
 * must be unique within one import. Staging tables are unlogged, unindexed and dropped
 * before the import commits (staging-writer.ts): rows are loaded into them (COPY on
 * PostgreSQL, batched inserts on PGlite) and moved into the real tables by one set-based
 * upsert.
 */
import type { ImportEntity, ImportRowOf } from '@treeline/core';

export interface StagingColumn {
  name: string;
  type: 'text' | 'timestamptz' | 'date' | 'boolean' | 'numeric' | 'jsonb';
  /** The core field this column holds (for error messages naming the file's column). */
  field: string;
}

/** A value as staged: text as COPY reads it, or null. */
export type StagedValue = string | null;

export interface StagingSpec<E extends ImportEntity> {
  entity: E;
  columns: readonly StagingColumn[];
  values(row: ImportRowOf<E>): StagedValue[];
  /** Columns that together must not repeat within one import. */
  uniqueKey: readonly string[];
  /** References resolved against the workspace: a value that resolves to nothing is an error. */
  references: readonly StagedReference[];
}

export interface StagedReference {
  column: string;
  table: 'contacts' | 'reps';
  /** What the referenced thing is called in messages. */
  noun: 'contact' | 'rep';
}

// An instant is staged as epoch milliseconds: a number is written three times faster than
// an ISO string, and millions of rows are staged per import. See stagedColumnType.
const instant = (d: Date | null): StagedValue => (d ? String(d.getTime()) : null);
const bool = (b: boolean): StagedValue => (b ? 't' : 'f');
const json = (o: Record<string, unknown>): StagedValue => JSON.stringify(o);

const contacts: StagingSpec<'contacts'> = {
  entity: 'contacts',
  columns: [
    { name: 'external_id', type: 'text', field: 'externalId' },
    { name: 'created_at', type: 'timestamptz', field: 'createdAt' },
    { name: 'qualified_at', type: 'timestamptz', field: 'qualifiedAt' },
    { name: 'customer_at', type: 'timestamptz', field: 'customerAt' },
    { name: 'lifecycle_stage', type: 'text', field: 'lifecycleStage' },
    { name: 'source', type: 'text', field: 'source' },
    { name: 'segment', type: 'text', field: 'segment' },
    { name: 'owner_rep_external_id', type: 'text', field: 'ownerRepExternalId' },
    { name: 'account', type: 'text', field: 'account' },
    { name: 'properties', type: 'jsonb', field: 'properties' },
    { name: 'deleted_at', type: 'timestamptz', field: 'deletedAt' },
  ],
  values: (r) => [
    r.externalId,
    instant(r.createdAt),
    instant(r.qualifiedAt),
    instant(r.customerAt),
    r.lifecycleStage,
    r.source,
    r.segment,
    r.ownerRepExternalId,
    r.account,
    json(r.properties),
    instant(r.deletedAt),
  ],
  uniqueKey: ['external_id'],
  references: [{ column: 'owner_rep_external_id', table: 'reps', noun: 'rep' }],
};

const activities: StagingSpec<'activities'> = {
  entity: 'activities',
  columns: [
    { name: 'external_id', type: 'text', field: 'externalId' },
    { name: 'source_system', type: 'text', field: 'sourceSystem' },
    { name: 'contact_external_id', type: 'text', field: 'contactExternalId' },
    { name: 'rep_external_id', type: 'text', field: 'repExternalId' },
    { name: 'channel', type: 'text', field: 'channel' },
    { name: 'occurred_at', type: 'timestamptz', field: 'occurredAt' },
    { name: 'direction', type: 'text', field: 'direction' },
    { name: 'automated', type: 'boolean', field: 'automated' },
    { name: 'system_generated', type: 'boolean', field: 'systemGenerated' },
    { name: 'replied', type: 'boolean', field: 'replied' },
    { name: 'meeting_booked', type: 'boolean', field: 'meetingBooked' },
    { name: 'deleted_at', type: 'timestamptz', field: 'deletedAt' },
  ],
  values: (r) => [
    r.externalId,
    r.sourceSystem,
    r.contactExternalId,
    r.repExternalId,
    r.channel,
    instant(r.occurredAt),
    r.direction,
    bool(r.automated),
    bool(r.systemGenerated),
    bool(r.replied),
    bool(r.meetingBooked),
    instant(r.deletedAt),
  ],
  uniqueKey: ['external_id', 'source_system'],
  references: [
    { column: 'contact_external_id', table: 'contacts', noun: 'contact' },
    { column: 'rep_external_id', table: 'reps', noun: 'rep' },
  ],
};

const deals: StagingSpec<'deals'> = {
  entity: 'deals',
  columns: [
    { name: 'external_id', type: 'text', field: 'externalId' },
    { name: 'contact_external_id', type: 'text', field: 'contactExternalId' },
    { name: 'account', type: 'text', field: 'account' },
    { name: 'owner_rep_external_id', type: 'text', field: 'ownerRepExternalId' },
    { name: 'created_at', type: 'timestamptz', field: 'createdAt' },
    { name: 'closed_at', type: 'timestamptz', field: 'closedAt' },
    { name: 'stage', type: 'text', field: 'stage' },
    { name: 'outcome', type: 'text', field: 'outcome' },
    { name: 'amount', type: 'numeric', field: 'amount' },
    { name: 'deleted_at', type: 'timestamptz', field: 'deletedAt' },
  ],
  values: (r) => [
    r.externalId,
    r.contactExternalId,
    r.account,
    r.ownerRepExternalId,
    instant(r.createdAt),
    instant(r.closedAt),
    r.stage,
    r.outcome,
    r.amount,
    instant(r.deletedAt),
  ],
  uniqueKey: ['external_id'],
  references: [
    { column: 'contact_external_id', table: 'contacts', noun: 'contact' },
    { column: 'owner_rep_external_id', table: 'reps', noun: 'rep' },
  ],
};

const reps: StagingSpec<'reps'> = {
  entity: 'reps',
  columns: [
    { name: 'external_id', type: 'text', field: 'externalId' },
    { name: 'name', type: 'text', field: 'name' },
    { name: 'team', type: 'text', field: 'team' },
    { name: 'segment', type: 'text', field: 'segment' },
    { name: 'active_from', type: 'date', field: 'activeFrom' },
    { name: 'active_to', type: 'date', field: 'activeTo' },
    { name: 'default_selling_hours', type: 'numeric', field: 'defaultSellingHours' },
    { name: 'default_admin_hours', type: 'numeric', field: 'defaultAdminHours' },
  ],
  values: (r) => [
    r.externalId,
    r.name,
    r.team,
    r.segment,
    r.activeFrom,
    r.activeTo,
    r.defaultSellingHours,
    r.defaultAdminHours,
  ],
  uniqueKey: ['external_id'],
  references: [],
};

const capacity: StagingSpec<'capacity'> = {
  entity: 'capacity',
  columns: [
    { name: 'rep_external_id', type: 'text', field: 'repExternalId' },
    { name: 'day', type: 'date', field: 'day' },
    { name: 'selling_hours', type: 'numeric', field: 'sellingHours' },
    { name: 'admin_hours', type: 'numeric', field: 'adminHours' },
  ],
  values: (r) => [r.repExternalId, r.day, r.sellingHours, r.adminHours],
  uniqueKey: ['rep_external_id', 'day'],
  references: [{ column: 'rep_external_id', table: 'reps', noun: 'rep' }],
};

const events: StagingSpec<'events'> = {
  entity: 'events',
  columns: [
    { name: 'external_id', type: 'text', field: 'externalId' },
    { name: 'contact_external_id', type: 'text', field: 'contactExternalId' },
    { name: 'type', type: 'text', field: 'type' },
    { name: 'occurred_at', type: 'timestamptz', field: 'occurredAt' },
    { name: 'properties', type: 'jsonb', field: 'properties' },
  ],
  values: (r) => [
    r.externalId,
    r.contactExternalId,
    r.type,
    instant(r.occurredAt),
    json(r.properties),
  ],
  uniqueKey: ['external_id'],
  references: [{ column: 'contact_external_id', table: 'contacts', noun: 'contact' }],
};

/** The staging spec of every importable entity. */
export const STAGING_SPECS: { [E in ImportEntity]: StagingSpec<E> } = {
  contacts,
  activities,
  deals,
  reps,
  capacity,
  events,
};

/**
 * A staging column's SQL type: text compares bytewise, like the external ids it is matched
 * with (migration T0700); an instant is staged as epoch milliseconds (bigint).
 */
export function stagedColumnType(column: StagingColumn): string {
  if (column.type === 'text') return 'text collate "C"';
  if (column.type === 'timestamptz') return 'bigint';
  return column.type;
}

/**
 * The expression reading a staging column as its real type, over the staging row `alias`.
 * @example stagedColumnRead({ name: 'occurred_at', type: 'timestamptz', field: 'occurredAt' }, 's')
 * // "to_timestamp(s.occurred_at / 1000.0)"
 */
export function stagedColumnRead(column: StagingColumn, alias: string): string {
  const ref = `${alias}.${column.name}`;
  return column.type === 'timestamptz' ? `to_timestamp(${ref} / 1000.0)` : ref;
}
