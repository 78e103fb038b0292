/**
 * What a metric can read from each source, as the planner checks definitions against it:
 * the record a row is, the timestamps that place a row in a period (the first is the
 * default) and the columns a measure can aggregate (numeric ones can be summed). The db
 * package maps each to its table, alias and SQL.
 */
import { DomainError } from '../domain-error';
import type { DimensionRecord } from './dimension-catalog';
import type { MetricSource } from './metric-definition';

export interface MetricSourceSpec {
  /** The record one row is (an activities row is an activity). */
  record: DimensionRecord;
  /** Timestamps that can place a row in a period; the first is the default. */
  times: readonly string[];
  /** Columns a measure can aggregate: numeric ones (hours, money) also sum, average… */
  columns: Readonly<Record<string, { numeric: boolean }>>;
}

const id = { numeric: false } as const;
const amount = { numeric: true } as const;

/** Every source, in the order messages list them. */
export const METRIC_SOURCE_CATALOG = {
  activities: {
    record: 'activity',
    times: ['occurred_at'],
    columns: { contact_id: id, rep_id: id },
  },
  contacts: {
    record: 'contact',
    times: ['created_at', 'qualified_at', 'customer_at'],
    columns: { id, owner_rep_id: id, account: id },
  },
  deals: {
    record: 'deal',
    times: ['created_at', 'closed_at'],
    columns: { id, contact_id: id, owner_rep_id: id, account: id, amount },
  },
  capacity: {
    record: 'capacity',
    times: ['day'],
    columns: { rep_id: id, selling_hours: amount, admin_hours: amount },
  },
  engagement_events: {
    record: 'engagement_event',
    times: ['occurred_at'],
    columns: { contact_id: id },
  },
} as const satisfies Record<MetricSource, MetricSourceSpec>;

/** The timestamps of a source, e.g. 'qualified_at' for contacts. */
export type SourceTime<Source extends MetricSource> =
  (typeof METRIC_SOURCE_CATALOG)[Source]['times'][number];
/** The measure columns of a source, e.g. 'amount' for deals. */
export type SourceColumn<Source extends MetricSource> =
  keyof (typeof METRIC_SOURCE_CATALOG)[Source]['columns'];

/** Every source, in the catalog's order. */
export const METRIC_SOURCES = Object.keys(METRIC_SOURCE_CATALOG) as MetricSource[];

/**
 * The catalog entry of a source; throws invalid_metric naming the known ones.
 *
 * @example metricSourceSpec('deals').times // ['created_at', 'closed_at']
 */
export function metricSourceSpec(source: string): MetricSourceSpec {
  const spec: MetricSourceSpec | undefined = Object.hasOwn(METRIC_SOURCE_CATALOG, source)
    ? METRIC_SOURCE_CATALOG[source as MetricSource]
    : undefined;
  if (!spec) {
    throw new DomainError(
      'invalid_metric',
      `unknown source "${source}"; known: ${METRIC_SOURCES.join(', ')}`,
      { source },
    );
  }
  return spec;
}

/**
 * The timestamp that places a row in a period (`at`, or the source's default); throws
 * invalid_metric naming the ones the source has.
 *
 * @example resolveTimeColumn('contacts', undefined) // 'created_at'
 */
export function resolveTimeColumn(source: MetricSource, at: string | undefined): string {
  const times = metricSourceSpec(source).times;
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

/**
 * A measure column of a source, checked to suit the measure (sum, avg and percentile need
 * a number); throws invalid_metric naming the columns that fit.
 *
 * @example resolveMeasureColumn('deals', 'amount', true) // 'amount'
 */
export function resolveMeasureColumn(
  source: MetricSource,
  column: string,
  needsNumber: boolean,
): string {
  const columns = metricSourceSpec(source).columns;
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
