/**
 * How the metric engine reads each source table in SQL: its alias, the SQL of each
 * timestamp and measure column core's source catalog names (METRIC_SOURCE_CATALOG), the
 * rows no metric ever counts, and how the reps and contacts tables join it for dimensions.
 */
import {
  type MetricSource,
  metricSourceSpec,
  type SourceColumn,
  type SourceTime,
} from '@treeline/core';
import { type RawBuilder, sql } from 'kysely';
import type { CountingPolicy } from '../schema/database';
/** What a scan needs to know about the workspace. */
export interface ScanContext {
  workspaceId: string;
  timeZone: string;
  countingPolicy: CountingPolicy;
}

/** A table joined for dimensions: reps (team, rep segment) or contacts (segment, source…). */
export type DimensionJoin = 'reps' | 'contacts';

type TimeSql = (context: ScanContext) => RawBuilder<unknown>;

/** A source's SQL; `times` and `columns` have exactly the catalog's names (typechecked). */
interface SourceSql<Source extends MetricSource> {
  table: string;
  alias: string;
  times: Record<SourceTime<Source>, TimeSql>;
  columns: Record<SourceColumn<Source>, RawBuilder<unknown>>;
  /** Rows no metric counts: other workspaces, deleted records, excluded activities. */
  baseCondition: (context: ScanContext) => RawBuilder<unknown>;
  /** The row's columns that refer to its rep and its contact, where it has them. */
  references: { rep?: string; contact?: string };
}

export interface SourceSchema {
  table: string;
  alias: string;
  /** The SQL of each timestamp core's source catalog names. */
  times: Record<string, TimeSql>;
  /** The SQL of each measure column core's source catalog names. */
  columns: Record<string, RawBuilder<unknown>>;
  baseCondition: (context: ScanContext) => RawBuilder<unknown>;
  /** The ON clause of each join this source supports (from its references). */
  joins: Partial<Record<DimensionJoin, RawBuilder<unknown>>>;
  /** The row's reference to its rep (the rep dimension), or null. */
  repColumn: RawBuilder<unknown> | null;
}

/** Alias of the reps table joined for dimensions. */
export const REPS_ALIAS = 'r';
/** Alias of the contacts table joined for dimensions (a contacts scan uses its own rows). */
export const JOINED_CONTACTS_ALIAS = 'jc';

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

const joinReps = (alias: string, column: string) =>
  sql`${ref(REPS_ALIAS, 'workspace_id')} = ${ref(alias, 'workspace_id')} and ${ref(REPS_ALIAS, 'id')} = ${ref(alias, column)}`;
const joinContacts = (alias: string, column: string) =>
  sql`${ref(JOINED_CONTACTS_ALIAS, 'workspace_id')} = ${ref(alias, 'workspace_id')} and ${ref(JOINED_CONTACTS_ALIAS, 'id')} = ${ref(alias, column)}`;

/**
 * The rows of activities that are counted touches: not excluded by the counting rules, and
 * not automated when the workspace counts manual touches only.
 */
export function countedActivityCondition(alias: string, context: ScanContext): RawBuilder<unknown> {
  const counted = sql`${ref(alias, 'excluded_reason')} is null`;
  return context.countingPolicy === 'manual_only'
    ? sql`${counted} and not ${ref(alias, 'automated')}`
    : counted;
}

const workspace = (alias: string, context: ScanContext) =>
  sql`${ref(alias, 'workspace_id')} = ${context.workspaceId}`;

const SOURCE_SQL: { [Source in MetricSource]: SourceSql<Source> } = {
  activities: {
    table: 'activities',
    alias: 'a',
    times: { occurred_at: () => ref('a', 'occurred_at') },
    columns: {
      contact_id: ref('a', 'contact_id'),
      rep_id: ref('a', 'rep_id'),
    },
    baseCondition: (context) =>
      sql`${workspace('a', context)} and ${countedActivityCondition('a', context)}`,
    references: { rep: 'rep_id', contact: 'contact_id' },
  },
  contacts: {
    table: 'contacts',
    alias: 'c',
    times: {
      created_at: () => ref('c', 'created_at'),
      qualified_at: () => ref('c', 'qualified_at'),
      customer_at: () => ref('c', 'customer_at'),
    },
    columns: {
      id: ref('c', 'id'),
      owner_rep_id: ref('c', 'owner_rep_id'),
      account: ref('c', 'account'),
    },
    baseCondition: (context) =>
      sql`${workspace('c', context)} and ${ref('c', 'deleted_at')} is null`,
    references: { rep: 'owner_rep_id' },
  },
  deals: {
    table: 'deals',
    alias: 'd',
    times: { created_at: () => ref('d', 'created_at'), closed_at: () => ref('d', 'closed_at') },
    columns: {
      id: ref('d', 'id'),
      contact_id: ref('d', 'contact_id'),
      owner_rep_id: ref('d', 'owner_rep_id'),
      account: ref('d', 'account'),
      amount: ref('d', 'amount'),
    },
    baseCondition: (context) =>
      sql`${workspace('d', context)} and ${ref('d', 'deleted_at')} is null`,
    references: { rep: 'owner_rep_id', contact: 'contact_id' },
  },
  capacity: {
    table: 'capacity',
    alias: 'k',
    // A capacity day belongs to the period holding its local noon: periods are whole local
    // days, and noon is clear of every DST jump around midnight.
    times: {
      day: (context) => sql`((${ref('k', 'day')} + time '12:00') at time zone ${context.timeZone})`,
    },
    columns: {
      rep_id: ref('k', 'rep_id'),
      selling_hours: ref('k', 'selling_hours'),
      admin_hours: ref('k', 'admin_hours'),
    },
    baseCondition: (context) => workspace('k', context),
    references: { rep: 'rep_id' },
  },
  engagement_events: {
    table: 'engagement_events',
    alias: 'e',
    times: { occurred_at: () => ref('e', 'occurred_at') },
    columns: { contact_id: ref('e', 'contact_id') },
    baseCondition: (context) => workspace('e', context),
    references: { contact: 'contact_id' },
  },
};

function schemaOf({
  references,
  ...source
}: Omit<SourceSchema, 'joins' | 'repColumn'> &
  Pick<SourceSql<MetricSource>, 'references'>): SourceSchema {
  const joins: SourceSchema['joins'] = {};
  if (references.rep) joins.reps = joinReps(source.alias, references.rep);
  if (references.contact) joins.contacts = joinContacts(source.alias, references.contact);
  return {
    ...source,
    joins,
    repColumn: references.rep ? ref(source.alias, references.rep) : null,
  };
}

export const SOURCES = Object.fromEntries(
  Object.entries(SOURCE_SQL).map(([name, source]) => [name, schemaOf(source)]),
) as Record<MetricSource, SourceSchema>;

/** The SQL of a source; an unknown one is core's DomainError naming the known ones. */
export function sourceSchema(source: string): SourceSchema {
  metricSourceSpec(source);
  return SOURCES[source as MetricSource];
}
