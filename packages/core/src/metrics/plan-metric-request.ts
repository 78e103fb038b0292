/**
 * Resolves a metric request (a metric, a filter, an optional split) into a value plan: a
 * small expression tree whose leaves are SQL aggregates and whose inner nodes (ratios,
 * formulas, unions of distinct sets) are computed from them per period (evaluateValuePlan).
 * The db package compiles the aggregates to SQL. Every rule a definition or request
 * breaks is a DomainError.
 */
import { DomainError, isDomainError } from '../domain-error';
import type { FormulaNode } from '../formula/formula-ast';
import { parseFormula } from '../formula/parse-formula';
import {
  type AggregateMeasure,
  type AggregateSpec,
  aggregateKey,
  type Condition,
  normalizeConditions,
} from './aggregate-spec';
import { detectMetricCycles } from './detect-metric-cycles';
import type { MetricCatalog } from './metric-catalog';
import {
  type DimensionFilter,
  type MetricDefinition,
  type MetricSource,
  metricDependencies,
} from './metric-definition';
import { metricSourceSpec, resolveMeasureColumn, resolveTimeColumn } from './metric-source-catalog';
import {
  checkDimensionValue,
  resolveSourceDimension,
  sourceHasDimension,
} from './source-dimensions';

export interface MetricRequest {
  metricKey: string;
  /** Narrows every row the metric counts, e.g. { channel: 'call' }. */
  filter?: DimensionFilter;
  /** Also evaluate the metric for each value of this dimension, e.g. 'team'. */
  splitBy?: string | null;
}

/** How an aggregate's buckets become a period's value. */
export type SeriesMode = 'flow' | 'stock_end' | 'stock_start';

/**
 * A node of a value plan. `split` names the dimension an aggregate is read by when the
 * request is split, or null where the total is read for every split value (a denominator
 * that ignores the split dimension).
 */
export type ValuePlan =
  | { kind: 'aggregate'; key: string; mode: SeriesMode; split: string | null }
  | { kind: 'distinct_union'; members: Array<{ key: string; split: string | null }> }
  | { kind: 'ratio'; numerator: ValuePlan; denominator: ValuePlan }
  | { kind: 'formula'; ast: FormulaNode; inputs: Record<string, ValuePlan> };

export interface MetricPlan {
  metricKey: string;
  filter: DimensionFilter;
  splitBy: string | null;
  root: ValuePlan;
  /** The aggregates the plan reads, by key. */
  aggregates: Map<string, AggregateSpec>;
  /** Aggregates whose stock (rows before the first period) is needed. */
  stockKeys: Set<string>;
}

/**
 * Plans one request against a catalog. Throws DomainError: unknown_metric, metric_cycle,
 * formula_syntax, invalid_metric (a definition the engine cannot compile), unknown_dimension
 * or invalid_filter (naming the dimension).
 *
 * @example
 * const plan = planMetricRequest(catalog, { metricKey: 'activity_per_contact', filter: { channel: 'call' } });
 * plan.root.kind; // 'ratio'
 */
export function planMetricRequest(catalog: MetricCatalog, request: MetricRequest): MetricPlan {
  const filter = { ...(request.filter ?? {}) };
  const splitBy = request.splitBy ?? null;
  checkReferences(catalog, request.metricKey);
  const aggregates = new Map<string, AggregateSpec>();
  const stockKeys = new Set<string>();
  const add = (spec: AggregateSpec, mode: SeriesMode = 'flow'): string => {
    const key = aggregateKey(spec);
    aggregates.set(key, spec);
    if (mode !== 'flow') stockKeys.add(key);
    return key;
  };

  const resolve = (metricKey: string, filter: DimensionFilter, split: string | null): ValuePlan => {
    const metric = catalog.get(metricKey)!;
    try {
      return resolveDefinition(metric.definition, filter, split, resolve, add);
    } catch (error) {
      throw namingMetric(error, metricKey);
    }
  };
  const root = resolve(request.metricKey, filter, splitBy);
  return { metricKey: request.metricKey, filter, splitBy, root, aggregates, stockKeys };
}

/** Unknown references and cycles among the metrics `metricKey` reaches. */
function checkReferences(catalog: MetricCatalog, metricKey: string): void {
  if (!catalog.has(metricKey)) {
    throw new DomainError('unknown_metric', `unknown metric "${metricKey}"`, { metricKey });
  }
  const graph: Record<string, string[]> = {};
  const pending = [metricKey];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (Object.hasOwn(graph, key)) continue;
    const metric = catalog.get(key);
    if (!metric) continue;
    let dependencies: string[];
    try {
      dependencies = metricDependencies(metric.definition);
    } catch (error) {
      throw namingMetric(error, key);
    }
    graph[key] = dependencies;
    pending.push(...dependencies);
  }
  const report = detectMetricCycles(graph);
  const unknown = report.unknownReferences[0];
  if (unknown) {
    throw new DomainError(
      'unknown_metric',
      `metric ${unknown.metric} refers to "${unknown.reference}", which is not a metric`,
      { metricKey: unknown.metric, reference: unknown.reference },
    );
  }
  const cycle = report.cycles[0];
  if (cycle) {
    throw new DomainError(
      'metric_cycle',
      `metrics refer to each other in a cycle: ${cycle.join(' → ')}`,
      {
        cycle,
      },
    );
  }
}

/** A DomainError that says which metric's definition raised it (the innermost one). */
function namingMetric(error: unknown, metricKey: string): unknown {
  if (!isDomainError(error) || error.details.metricKey !== undefined) return error;
  return new DomainError(error.code, `metric ${metricKey}: ${error.message}`, {
    ...error.details,
    metricKey,
  });
}

type Resolve = (metricKey: string, filter: DimensionFilter, split: string | null) => ValuePlan;
type Add = (spec: AggregateSpec, mode?: SeriesMode) => string;

function invalidMetric(message: string): DomainError {
  return new DomainError('invalid_metric', message);
}

function resolveDefinition(
  definition: MetricDefinition,
  filter: DimensionFilter,
  split: string | null,
  resolve: Resolve,
  add: Add,
): ValuePlan {
  if (!definition || typeof definition !== 'object') throw invalidMetric('has no definition');
  switch (definition.type) {
    case 'count':
    case 'sum':
    case 'avg':
    case 'percentile':
    case 'count_distinct': {
      if (definition.type === 'count_distinct' && definition.union?.length) {
        return resolveDistinctUnion(definition, filter, split, add);
      }
      const measure: AggregateMeasure = definition.type;
      const asOf = 'asOf' in definition ? definition.asOf : undefined;
      if (asOf !== undefined && asOf !== 'period_start' && asOf !== 'period_end') {
        throw invalidMetric(`asOf must be period_start or period_end, not "${String(asOf)}"`);
      }
      if (asOf !== undefined && measure !== 'count' && measure !== 'sum') {
        // A running total is exact only for counts and sums.
        throw invalidMetric(`only count and sum can be stocks (asOf), not ${measure}`);
      }
      const mode: SeriesMode =
        asOf === 'period_end' ? 'stock_end' : asOf === 'period_start' ? 'stock_start' : 'flow';
      const spec = rowAggregate(definition.source, measure, definition, filter, split);
      return { kind: 'aggregate', key: add(spec, mode), mode, split };
    }
    case 'ratio': {
      const ignored = new Set(definition.denominatorIgnores ?? []);
      const denominatorFilter = Object.fromEntries(
        Object.entries(filter).filter(([dimension]) => !ignored.has(dimension)),
      );
      return {
        kind: 'ratio',
        numerator: resolve(definition.numerator, filter, split),
        denominator: resolve(
          definition.denominator,
          denominatorFilter,
          split !== null && ignored.has(split) ? null : split,
        ),
      };
    }
    case 'formula': {
      const ast = parseFormula(definition.expression);
      const inputs: Record<string, ValuePlan> = {};
      for (const key of metricDependencies(definition)) inputs[key] = resolve(key, filter, split);
      return { kind: 'formula', ast, inputs };
    }
    case 'cohort':
      return resolveCohort(definition, filter, split, add);
    case 'first_touch_latency':
      return resolveFirstTouchLatency(definition, filter, split, add);
    default:
      throw invalidMetric(
        `unknown definition type "${String((definition as { type?: unknown }).type)}"`,
      );
  }
}

/** Checks every condition against the source (dimension exists, value valid). */
function conditionsOn(
  source: MetricSource,
  ...filters: Array<DimensionFilter | undefined>
): Condition[] {
  const conditions: Condition[] = [];
  for (const filter of filters) {
    for (const [dimension, value] of Object.entries(filter ?? {})) {
      checkDimensionValue(resolveSourceDimension(source, dimension), value);
      conditions.push([dimension, value]);
    }
  }
  return normalizeConditions(conditions);
}

function checkSplit(source: MetricSource, split: string | null): void {
  if (split !== null) resolveSourceDimension(source, split);
}

function checkPercentile(percentile: unknown): number {
  if (typeof percentile !== 'number' || !(percentile >= 0 && percentile <= 1)) {
    throw invalidMetric(`percentile must be a number from 0 to 1, not ${String(percentile)}`);
  }
  return percentile;
}

function rowAggregate(
  source: MetricSource,
  measure: AggregateMeasure,
  definition: { column?: string; percentile?: number; at?: string; filter?: DimensionFilter },
  filter: DimensionFilter,
  split: string | null,
): AggregateSpec {
  metricSourceSpec(source);
  const column =
    measure === 'count'
      ? null
      : resolveMeasureColumn(
          source,
          String(definition.column),
          measure === 'sum' || measure === 'avg' || measure === 'percentile',
        );
  const spec: AggregateSpec = {
    source,
    measure,
    column,
    percentile: measure === 'percentile' ? checkPercentile(definition.percentile) : null,
    at: resolveTimeColumn(source, definition.at),
    where: conditionsOn(source, definition.filter, filter),
    converted: null,
    firstTouch: null,
  };
  checkSplit(source, split);
  return spec;
}

function resolveDistinctUnion(
  definition: Extract<MetricDefinition, { type: 'count_distinct' }>,
  filter: DimensionFilter,
  split: string | null,
  add: Add,
): ValuePlan {
  const members = [{ ...definition, union: undefined }, ...(definition.union ?? [])];
  const planned: Array<{ key: string; split: string | null }> = [];
  for (const [index, member] of members.entries()) {
    const source = member.source;
    metricSourceSpec(source);
    // A member whose source cannot see the node's filter or split drops out ("reps active on
    // calls" are the reps who called); the first member must see them all.
    const blind = [...Object.keys(filter), ...(split === null ? [] : [split])].some(
      (dimension) => !sourceHasDimension(source, dimension),
    );
    if (blind && index > 0) continue;
    const spec = rowAggregate(source, 'distinct_values', member, filter, split);
    planned.push({ key: add(spec), split });
  }
  return { kind: 'distinct_union', members: planned };
}

function resolveCohort(
  definition: Extract<MetricDefinition, { type: 'cohort' }>,
  filter: DimensionFilter,
  split: string | null,
  add: Add,
): ValuePlan {
  const source = definition.source;
  metricSourceSpec(source);
  const at = resolveTimeColumn(source, definition.cohortAt);
  if (!Array.isArray(definition.convertedAt) || definition.convertedAt.length === 0) {
    throw invalidMetric('a cohort needs at least one convertedAt timestamp');
  }
  const columns = definition.convertedAt.map((column) => resolveTimeColumn(source, column));
  const withinDays = definition.withinDays ?? null;
  if (withinDays !== null && !(Number.isFinite(withinDays) && withinDays >= 0)) {
    throw invalidMetric(`withinDays must be a number of days ≥ 0, not ${String(withinDays)}`);
  }
  const cohort = rowAggregate(
    source,
    'count',
    { at, ...(definition.filter ? { filter: definition.filter } : {}) },
    filter,
    split,
  );
  const converted: AggregateSpec = {
    ...cohort,
    converted: { columns, withinDays, where: conditionsOn(source, definition.convertedFilter) },
  };
  return {
    kind: 'ratio',
    numerator: { kind: 'aggregate', key: add(converted), mode: 'flow', split },
    denominator: { kind: 'aggregate', key: add(cohort), mode: 'flow', split },
  };
}

function resolveFirstTouchLatency(
  definition: Extract<MetricDefinition, { type: 'first_touch_latency' }>,
  filter: DimensionFilter,
  split: string | null,
  add: Add,
): ValuePlan {
  const contactFilter: DimensionFilter = {};
  const touchFilter: DimensionFilter = { ...(definition.touch ?? {}) };
  for (const [dimension, value] of Object.entries(filter)) {
    // Contacts answer what they can (segment, source, owner rep…); what only a touch has
    // (channel, automated…) narrows the touches.
    if (!sourceHasDimension('contacts', dimension) && isTouchDimension(dimension)) {
      touchFilter[dimension] = value;
    } else {
      contactFilter[dimension] = value;
    }
  }
  for (const dimension of Object.keys(touchFilter)) {
    if (!isTouchDimension(dimension)) {
      throw new DomainError(
        'unknown_dimension',
        `touches can only be narrowed by the activity's own dimensions, not "${dimension}"`,
        { dimension },
      );
    }
  }
  const spec: AggregateSpec = {
    ...rowAggregate(
      'contacts',
      'count',
      { at: 'created_at', ...(definition.filter ? { filter: definition.filter } : {}) },
      contactFilter,
      split,
    ),
    measure: 'percentile',
    percentile: checkPercentile(definition.percentile),
    firstTouch: { where: conditionsOn('activities', touchFilter) },
  };
  return { kind: 'aggregate', key: add(spec), mode: 'flow', split };
}

/** Dimensions of an activity row itself (no join), usable inside the first-touch lookup. */
function isTouchDimension(dimension: string): boolean {
  if (!sourceHasDimension('activities', dimension)) return false;
  return resolveSourceDimension('activities', dimension).onRow;
}
