/**
 * What the metric engine can read from each source table: its alias, the timestamps that
 * place a row in a period, the columns a measure can aggregate, the rows no metric ever
 * counts, and how the reps and contacts tables join it for dimensions.
 */
import { DomainError, type MetricSource } from '@treeline/core';
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

export interface MeasureColumn {
  sql: RawBuilder<unknown>;
  /** Whether sum/avg/percentile make sense (hours, money), or only counting distinct (ids). */
  numeric: boolean;
}

export interface SourceSchema {
  table: string;
  alias: string;
  /** The timestamps that can place a row in a period; the first is the default. */
  times: Record<string, (context: ScanContext) => RawBuilder<unknown>>;
  columns: Record<string, MeasureColumn>;
  /** Rows no metric counts: other workspaces, deleted records, excluded activities. */
  baseCondition: (context: ScanContext) => RawBuilder<unknown>;
  /** The ON clause of each join this source supports. */
  joins: Partial<Record<DimensionJoin, RawBuilder<unknown>>>;
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

export const SOURCES: Record<MetricSource, SourceSchema> = {
  activities: {
    table: 'activities',
    alias: 'a',
    times: { occurred_at: () => ref('a', 'occurred_at') },
    columns: {
      contact_id: { sql: ref('a', 'contact_id'), numeric: false },
      rep_id: { sql: ref('a', 'rep_id'), numeric: false },
    },
    baseCondition: (context) =>
      sql`${workspace('a', context)} and ${countedActivityCondition('a', context)}`,
    joins: { reps: joinReps('a', 'rep_id'), contacts: joinContacts('a', 'contact_id') },
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
      id: { sql: ref('c', 'id'), numeric: false },
      owner_rep_id: { sql: ref('c', 'owner_rep_id'), numeric: false },
      account: { sql: ref('c', 'account'), numeric: false },
    },
    baseCondition: (context) =>
      sql`${workspace('c', context)} and ${ref('c', 'deleted_at')} is null`,
    joins: { reps: joinReps('c', 'owner_rep_id') },
  },
  deals: {
    table: 'deals',
    alias: 'd',
    times: { created_at: () => ref('d', 'created_at'), closed_at: () => ref('d', 'closed_at') },
    columns: {
      id: { sql: ref('d', 'id'), numeric: false },
      contact_id: { sql: ref('d', 'contact_id'), numeric: false },
      owner_rep_id: { sql: ref('d', 'owner_rep_id'), numeric: false },
      account: { sql: ref('d', 'account'), numeric: false },
      amount: { sql: ref('d', 'amount'), numeric: true },
    },
    baseCondition: (context) =>
      sql`${workspace('d', context)} and ${ref('d', 'deleted_at')} is null`,
    joins: { reps: joinReps('d', 'owner_rep_id'), contacts: joinContacts('d', 'contact_id') },
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
      rep_id: { sql: ref('k', 'rep_id'), numeric: false },
      selling_hours: { sql: ref('k', 'selling_hours'), numeric: true },
      admin_hours: { sql: ref('k', 'admin_hours'), numeric: true },
    },
    baseCondition: (context) => workspace('k', context),
    joins: { reps: joinReps('k', 'rep_id') },
  },
  engagement_events: {
    table: 'engagement_events',
    alias: 'e',
    times: { occurred_at: () => ref('e', 'occurred_at') },
    columns: { contact_id: { sql: ref('e', 'contact_id'), numeric: false } },
    baseCondition: (context) => workspace('e', context),
    joins: { contacts: joinContacts('e', 'contact_id') },
  },
};

/** The schema of a source, or a DomainError naming the known ones. */
export function sourceSchema(source: string): SourceSchema {
  const schema = Object.hasOwn(SOURCES, source) ? SOURCES[source as MetricSource] : undefined;
  if (!schema) {
    throw new DomainError(
      'invalid_metric',
      `unknown source "${source}"; known: ${Object.keys(SOURCES).join(', ')}`,
      { source },
    );
  }
  return schema;
}

/** The timestamp that places a row in a period (`at`, or the source's default). */
export function resolveTimeColumn(source: MetricSource, at: string | undefined): string {
  const times = Object.keys(sourceSchema(source).times);
  if (at === undefined) return times[0]!;
  if (!times.includes(at)) {
    throw new DomainError(
      'invalid_metric',
      `${source} cannot be placed in periods by "${at}"; use one of ${times.join(', ')}`,
      { source, at },
    );
  }
  return at;
}

/** A measure column of a source, checked to suit the measure. */
export function resolveMeasureColumn(
  source: MetricSource,
  column: string,
  needsNumber: boolean,
): string {
  const columns = sourceSchema(source).columns;
  const found = Object.hasOwn(columns, column) ? columns[column] : undefined;
  if (!found || (needsNumber && !found.numeric)) {
    const fitting = Object.entries(columns)
      .filter(([, c]) => !needsNumber || c.numeric)
      .map(([name]) => name);
    throw new DomainError(
      'invalid_metric',
      `${source} has no ${needsNumber ? 'numeric ' : ''}column "${column}"; use one of ${fitting.join(', ')}`,
      { source, column },
    );
  }
  return column;
}
