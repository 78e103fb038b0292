/**
 * The metric form without React, for a new metric and for editing a custom one: its state
 * (empty, or read from a metric's definition), the POST or PATCH body built from it (with
 * the checks the browser can make before asking the server), and where a problem the
 * server answers belongs on the form (a field, or the callout above the buttons).
 */
import type { MetricSource, MetricSpec } from '@treeline/core';
import type { CustomMetricDefinition, MetricChanges, NewMetric, Problem } from './api';

export const DEFINITION_TYPES = [
  'count',
  'count_distinct',
  'sum',
  'avg',
  'percentile',
  'ratio',
  'formula',
] as const satisfies ReadonlyArray<CustomMetricDefinition['type']>;
export type DefinitionType = (typeof DEFINITION_TYPES)[number];

/** Definition types that aggregate rows of a source (and so take filters). */
export function isRowDefinition(type: DefinitionType): boolean {
  return type !== 'ratio' && type !== 'formula';
}

/** Row definitions that need a column to aggregate. */
export function needsColumn(type: DefinitionType): boolean {
  return type === 'count_distinct' || type === 'sum' || type === 'avg' || type === 'percentile';
}

export interface FilterRow {
  dimension: string;
  value: string;
}

/** The metric's own fields as the contract has them, and its definition flattened for the form. */
export interface MetricFormState extends Omit<MetricSpec, 'definition'> {
  type: DefinitionType;
  source: MetricSource;
  column: string;
  /** As typed, 0–1 (0.9 is p90). */
  percentile: string;
  filters: FilterRow[];
  numerator: string;
  denominator: string;
  expression: string;
}

export type MetricFormField =
  | 'key'
  | 'name'
  | 'description'
  | 'unit'
  | 'direction'
  | 'kind'
  | 'type'
  | 'source'
  | 'column'
  | 'percentile'
  | 'filters'
  | 'numerator'
  | 'denominator'
  | 'expression';

export type MetricFormErrors = Partial<Record<MetricFormField, string>>;

export const EMPTY_METRIC_FORM: MetricFormState = {
  key: '',
  name: '',
  description: '',
  unit: 'count',
  direction: 'higher_is_better',
  kind: 'input',
  type: 'count',
  source: 'activities',
  column: '',
  percentile: '0.5',
  filters: [],
  numerator: '',
  denominator: '',
  expression: '',
};

/** The server's own key rule, checked early so the message sits next to the field. */
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * The POST /api/metrics body for the form, or the fields to fix first.
 *
 * @example
 * buildCreateMetricBody({ ...EMPTY_METRIC_FORM, key: 'calls', name: 'Calls', filters: [{ dimension: 'channel', value: 'call' }] });
 * // { ok: true, body: { key: 'calls', …, definition: { type: 'count', source: 'activities', filter: { channel: 'call' } } } }
 */
export function buildCreateMetricBody(
  state: MetricFormState,
): { ok: true; body: NewMetric } | { ok: false; errors: MetricFormErrors } {
  const errors: MetricFormErrors = {};
  const key = state.key.trim();
  const name = state.name.trim();
  if (!key) errors.key = 'Enter a key, e.g. calls_per_rep.';
  else if (!KEY_PATTERN.test(key))
    errors.key =
      'Use lower-case letters, digits and _ (starting with a letter, at most 63 characters).';
  if (!name) errors.name = 'Enter a name people will read on the tree.';

  let definition: CustomMetricDefinition | null = null;
  if (state.type === 'ratio') {
    const numerator = state.numerator.trim();
    const denominator = state.denominator.trim();
    if (!numerator) errors.numerator = 'Pick the metric to divide.';
    if (!denominator) errors.denominator = 'Pick the metric to divide by.';
    definition = { type: 'ratio', numerator, denominator };
  } else if (state.type === 'formula') {
    const expression = state.expression.trim();
    if (!expression) errors.expression = 'Enter a formula over metric keys, e.g. a / b.';
    else if (expression.length > 2000)
      errors.expression = 'Keep the formula under 2000 characters.';
    definition = { type: 'formula', expression };
  } else {
    const filter: Record<string, string> = {};
    for (const row of state.filters) {
      const dimension = row.dimension.trim();
      const value = row.value.trim();
      if (!dimension && !value) continue;
      if (!dimension || !value) {
        errors.filters = 'Each filter needs a dimension and a value (or remove the row).';
      } else if (Object.hasOwn(filter, dimension)) {
        errors.filters = `Filter on ${dimension} only once.`;
      } else {
        filter[dimension] = value;
      }
    }
    const row = {
      source: state.source,
      ...(Object.keys(filter).length > 0 ? { filter } : {}),
    };
    const column = state.column.trim();
    if (needsColumn(state.type) && !column) errors.column = 'Enter the column to aggregate.';
    switch (state.type) {
      case 'count':
        definition = { type: 'count', ...row };
        break;
      case 'count_distinct':
      case 'sum':
      case 'avg':
        definition = { type: state.type, ...row, column };
        break;
      case 'percentile': {
        const percentile = Number(state.percentile.trim());
        if (state.percentile.trim() === '' || !(percentile >= 0 && percentile <= 1)) {
          errors.percentile = 'Enter a share between 0 and 1, e.g. 0.9 for p90.';
        }
        definition = { type: 'percentile', ...row, column, percentile };
        break;
      }
    }
  }
  if (Object.keys(errors).length > 0 || definition === null) return { ok: false, errors };
  return {
    ok: true,
    body: {
      key,
      name,
      description: state.description.trim(),
      unit: state.unit,
      direction: state.direction,
      kind: state.kind,
      definition,
    },
  };
}

/**
 * The form state of a metric, to edit it: null when the form cannot show its definition
 * (a cohort or first-touch latency, which only built-ins have).
 *
 * @example
 * metricFormStateOf({ key: 'calls', …, definition: { type: 'count', source: 'activities', filter: { channel: 'call' } } });
 * // { ...EMPTY_METRIC_FORM, key: 'calls', …, type: 'count', filters: [{ dimension: 'channel', value: 'call' }] }
 */
export function metricFormStateOf(metric: MetricSpec): MetricFormState | null {
  const base: MetricFormState = {
    ...EMPTY_METRIC_FORM,
    key: metric.key,
    name: metric.name,
    description: metric.description,
    unit: metric.unit,
    direction: metric.direction,
    kind: metric.kind,
  };
  const definition = metric.definition;
  switch (definition.type) {
    case 'ratio':
      return {
        ...base,
        type: 'ratio',
        numerator: definition.numerator,
        denominator: definition.denominator,
      };
    case 'formula':
      return { ...base, type: 'formula', expression: definition.expression };
    case 'count':
    case 'count_distinct':
    case 'sum':
    case 'avg':
    case 'percentile':
      return {
        ...base,
        type: definition.type,
        source: definition.source,
        column: definition.type === 'count' ? '' : definition.column,
        percentile:
          definition.type === 'percentile'
            ? String(definition.percentile)
            : EMPTY_METRIC_FORM.percentile,
        filters: Object.entries(definition.filter ?? {}).map(([dimension, value]) => ({
          dimension,
          value,
        })),
      };
    default:
      return null;
  }
}

/** Definition members the form does not show; an edit keeps them while the type and source stay. */
const UNSHOWN_DEFINITION_MEMBERS = ['at', 'asOf', 'union', 'denominatorIgnores'] as const;

function keepUnshownMembers(
  edited: CustomMetricDefinition,
  original: MetricSpec['definition'],
): CustomMetricDefinition {
  if (edited.type !== original.type) return edited;
  if ('source' in edited && 'source' in original && edited.source !== original.source) {
    return edited;
  }
  const kept = Object.fromEntries(
    UNSHOWN_DEFINITION_MEMBERS.filter((member) => Object.hasOwn(original, member)).map((member) => [
      member,
      (original as Record<string, unknown>)[member],
    ]),
  );
  return { ...edited, ...kept } as CustomMetricDefinition;
}

/**
 * The PATCH /api/metrics/{key} body for the form editing `original`, or the fields to fix
 * first. The key stays; what the form does not show of the definition (a row's `at` or
 * `asOf`, a ratio's `denominatorIgnores`) is kept unless the type or source changes.
 *
 * @example
 * buildMetricChanges({ ...metricFormStateOf(calls)!, name: 'Calls made' }, calls);
 * // { ok: true, body: { name: 'Calls made', description: '', …, definition: { type: 'count', … } } }
 */
export function buildMetricChanges(
  state: MetricFormState,
  original: MetricSpec,
): { ok: true; body: MetricChanges } | { ok: false; errors: MetricFormErrors } {
  const built = buildCreateMetricBody({ ...state, key: original.key });
  if (!built.ok) return built;
  const { key: _, definition, ...rest } = built.body;
  return {
    ok: true,
    body: { ...rest, definition: keepUnshownMembers(definition, original.definition) },
  };
}

const VALIDATION_PATHS: Record<string, MetricFormField> = {
  key: 'key',
  name: 'name',
  description: 'description',
  unit: 'unit',
  direction: 'direction',
  kind: 'kind',
  'definition.type': 'type',
  'definition.source': 'source',
  'definition.column': 'column',
  'definition.percentile': 'percentile',
  'definition.filter': 'filters',
  'definition.numerator': 'numerator',
  'definition.denominator': 'denominator',
  'definition.expression': 'expression',
};

/**
 * Where a problem from POST /api/metrics or PATCH /api/metrics/{key} belongs: field
 * messages, and what is left for the callout (null when every part of it sits next to a
 * field). Nothing is dropped.
 *
 * @example
 * placeMetricProblem({ type: 'https://treeline.dev/problems/unknown-metric', title: 'unknown metric',
 *   status: 422, detail: 'metric x refers to "ghosts", which is not a metric', reference: 'ghosts' },
 *   { ...EMPTY_METRIC_FORM, type: 'formula' });
 * // { fields: { expression: 'metric x refers to "ghosts", which is not a metric' }, callout: null }
 */
export function placeMetricProblem(
  problem: Problem,
  state: MetricFormState,
): { fields: MetricFormErrors; callout: Problem | null } {
  const detail = problem.detail || problem.title;
  const code = problem.type.split('/').pop() ?? '';
  const only = (field: MetricFormField | null) =>
    field ? { fields: { [field]: detail }, callout: null } : { fields: {}, callout: problem };

  if (problem.errors && problem.errors.length > 0) {
    const fields: MetricFormErrors = {};
    let unplaced = false;
    for (const error of problem.errors) {
      const path = Object.keys(VALIDATION_PATHS).find(
        (prefix) => error.path === prefix || error.path.startsWith(`${prefix}.`),
      );
      const field = path ? VALIDATION_PATHS[path] : undefined;
      if (field)
        fields[field] = fields[field] ? `${fields[field]} ${error.message}` : error.message;
      else unplaced = true;
    }
    return { fields, callout: unplaced ? problem : null };
  }

  switch (code) {
    case 'invalid-metric-key':
    case 'metric-key-taken':
      return only('key');
    case 'formula-syntax':
      return only(state.type === 'formula' ? 'expression' : null);
    case 'unknown-metric': {
      const reference = problem.reference;
      if (state.type === 'ratio') {
        if (reference === state.numerator.trim()) return only('numerator');
        if (reference === state.denominator.trim()) return only('denominator');
      }
      return only(state.type === 'formula' ? 'expression' : null);
    }
    case 'metric-cycle':
      return only(
        state.type === 'formula' ? 'expression' : state.type === 'ratio' ? 'numerator' : null,
      );
    case 'unknown-dimension':
    case 'invalid-filter':
      return only(isRowDefinition(state.type) ? 'filters' : null);
    case 'invalid-metric':
      if (problem.column !== undefined && needsColumn(state.type)) return only('column');
      if (problem.at === undefined && problem.source !== undefined) return only('source');
      return only(null);
    default:
      return only(null);
  }
}
