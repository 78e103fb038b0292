/**
 * The metric form, for a new metric or to edit a custom one: key (fixed once created),
 * name, description, unit, direction, kind and the definition (a row aggregate with
 * filters, a ratio of two catalog metrics, or a formula). Checks what it can before
 * sending; a problem the server answers is shown next to its field or in a callout above
 * the buttons, never dropped.
 */
import { CircleAlert, Plus, X } from 'lucide-react';
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import {
  ApiProblem,
  type CatalogMetric,
  type DimensionValues,
  type MetricChanges,
  type MetricEntry,
  type NewMetric,
  type Problem,
  toProblem,
} from '../lib/api';
import { filterSuggestions } from '../lib/filter-suggestions';
import {
  DEFINITION_TYPE_LABELS,
  DIRECTION_LABELS,
  KIND_LABELS,
  SOURCE_COLUMNS,
  SOURCE_LABELS,
  UNIT_LABELS,
} from '../lib/metric-catalog';
import {
  buildCreateMetricBody,
  buildMetricChanges,
  DEFINITION_TYPES,
  EMPTY_METRIC_FORM,
  isRowDefinition,
  METRIC_DIRECTIONS,
  METRIC_KINDS,
  METRIC_SOURCES,
  METRIC_UNITS,
  type MetricFormErrors,
  type MetricFormField,
  type MetricFormState,
  metricFormStateOf,
  needsColumn,
  placeMetricProblem,
} from '../lib/metric-form';

const FIELD_ORDER: MetricFormField[] = [
  'key',
  'name',
  'description',
  'unit',
  'direction',
  'kind',
  'type',
  'source',
  'column',
  'percentile',
  'filters',
  'numerator',
  'denominator',
  'expression',
];

/** What the form does on submit: create a metric, or change the custom metric it shows. */
export type MetricFormMode =
  | { kind: 'create'; create: (metric: NewMetric) => Promise<MetricEntry> }
  | {
      kind: 'edit';
      metric: CatalogMetric;
      update: (changes: MetricChanges) => Promise<MetricEntry>;
    };

type Prepared =
  | { ok: true; send: () => Promise<MetricEntry> }
  | { ok: false; errors: MetricFormErrors };

function prepare(mode: MetricFormMode, state: MetricFormState): Prepared {
  if (mode.kind === 'edit') {
    const built = buildMetricChanges(state, mode.metric);
    return built.ok ? { ok: true, send: () => mode.update(built.body) } : built;
  }
  const built = buildCreateMetricBody(state);
  return built.ok ? { ok: true, send: () => mode.create(built.body) } : built;
}

export function MetricForm({
  catalog,
  dimensionValues,
  mode,
  onSaved,
  onCancel,
}: {
  catalog: CatalogMetric[];
  /** The workspace's dimension values (suggested in the filters), once loaded. */
  dimensionValues: readonly DimensionValues[] | null;
  mode: MetricFormMode;
  onSaved: (metric: MetricEntry) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const editing = mode.kind === 'edit' ? mode.metric : null;
  const [state, setState] = useState<MetricFormState>(
    () => (editing && metricFormStateOf(editing)) || EMPTY_METRIC_FORM,
  );
  // A ratio of a metric over itself is a cycle; the server would refuse it anyway.
  const pickable = editing ? catalog.filter((metric) => metric.key !== editing.key) : catalog;
  const title = editing ? `Edit ${editing.name}` : 'New metric';
  const [errors, setErrors] = useState<MetricFormErrors>({});
  const [callout, setCallout] = useState<Problem | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const fieldId = (field: MetricFormField) => `${id}-${field}`;
  // Opening the form starts at its first field, so a keyboard user can type at once.
  const firstField = editing ? 'name' : 'key';
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>(`[data-field="${firstField}"]`)?.focus();
  }, [firstField]);
  const update = <K extends keyof MetricFormState>(field: K, value: MetricFormState[K]) => {
    setState((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      const { [field as MetricFormField]: _, ...rest } = current;
      return rest;
    });
  };
  const focusFirst = (found: MetricFormErrors) => {
    const first = FIELD_ORDER.find((field) => found[field]);
    if (!first) return;
    // After the messages render, so screen readers read the field with its error.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus(),
    );
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (submitting) return;
    setCallout(null);
    const prepared = prepare(mode, state);
    if (!prepared.ok) {
      setErrors(prepared.errors);
      focusFirst(prepared.errors);
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      onSaved(await prepared.send());
    } catch (error) {
      const problem = toProblem(error);
      const placed =
        error instanceof ApiProblem
          ? placeMetricProblem(problem, state)
          : { fields: {}, callout: problem };
      setErrors(placed.fields);
      setCallout(placed.callout);
      focusFirst(placed.fields);
    } finally {
      setSubmitting(false);
    }
  }

  const field = (name: MetricFormField) => ({
    id: fieldId(name),
    'data-field': name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `${fieldId(name)}-error` : undefined,
  });

  return (
    <form
      ref={formRef}
      className="metric-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      noValidate
      aria-label={editing ? 'Edit metric' : 'New metric'}
    >
      <div className="metric-form__head">
        <h2 className="metric-form__title">{title}</h2>
        <button type="button" className="icon-button" onClick={onCancel} aria-label="Close form">
          <X aria-hidden size={16} />
        </button>
      </div>

      <Field
        label="Key"
        htmlFor={fieldId('key')}
        error={errors.key}
        hint={
          editing
            ? 'The key stays: trees and formulas use it.'
            : 'Lower-case snake_case; formulas use it.'
        }
      >
        <input
          {...field('key')}
          className="input input--mono"
          readOnly={editing !== null}
          value={state.key}
          autoComplete="off"
          spellCheck={false}
          placeholder="calls_per_rep"
          onChange={(e) => update('key', e.target.value)}
        />
      </Field>
      <Field label="Name" htmlFor={fieldId('name')} error={errors.name}>
        <input
          {...field('name')}
          className="input"
          value={state.name}
          placeholder="Calls per rep"
          onChange={(e) => update('name', e.target.value)}
        />
      </Field>
      <Field label="Description" htmlFor={fieldId('description')} error={errors.description}>
        <textarea
          {...field('description')}
          className="input input--area"
          rows={2}
          value={state.description}
          onChange={(e) => update('description', e.target.value)}
        />
      </Field>
      <div className="metric-form__row">
        <Field label="Unit" htmlFor={fieldId('unit')} error={errors.unit}>
          <select
            {...field('unit')}
            className="input"
            value={state.unit}
            onChange={(e) => update('unit', e.target.value as MetricFormState['unit'])}
          >
            {METRIC_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {UNIT_LABELS[unit]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Kind" htmlFor={fieldId('kind')} error={errors.kind}>
          <select
            {...field('kind')}
            className="input"
            value={state.kind}
            onChange={(e) => update('kind', e.target.value as MetricFormState['kind'])}
          >
            {METRIC_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label="Direction" htmlFor={fieldId('direction')} error={errors.direction}>
        <select
          {...field('direction')}
          className="input"
          value={state.direction}
          onChange={(e) => update('direction', e.target.value as MetricFormState['direction'])}
        >
          {METRIC_DIRECTIONS.map((direction) => (
            <option key={direction} value={direction}>
              {DIRECTION_LABELS[direction]}
            </option>
          ))}
        </select>
      </Field>

      <fieldset className="metric-form__definition">
        <legend>Definition</legend>
        <Field label="Type" htmlFor={fieldId('type')} error={errors.type}>
          <select
            {...field('type')}
            className="input"
            value={state.type}
            onChange={(e) => update('type', e.target.value as MetricFormState['type'])}
          >
            {DEFINITION_TYPES.map((type) => (
              <option key={type} value={type}>
                {DEFINITION_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </Field>

        {isRowDefinition(state.type) ? (
          <>
            <Field label="Source" htmlFor={fieldId('source')} error={errors.source}>
              <select
                {...field('source')}
                className="input"
                value={state.source}
                onChange={(e) => update('source', e.target.value as MetricFormState['source'])}
              >
                {METRIC_SOURCES.map((source) => (
                  <option key={source} value={source}>
                    {SOURCE_LABELS[source]}
                  </option>
                ))}
              </select>
            </Field>
            {needsColumn(state.type) ? (
              <Field label="Column" htmlFor={fieldId('column')} error={errors.column}>
                <input
                  {...field('column')}
                  className="input input--mono"
                  list={`${id}-columns`}
                  value={state.column}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => update('column', e.target.value)}
                />
                <datalist id={`${id}-columns`}>
                  {SOURCE_COLUMNS[state.source].map((column) => (
                    <option key={column} value={column} />
                  ))}
                </datalist>
              </Field>
            ) : null}
            {state.type === 'percentile' ? (
              <Field
                label="Percentile (0–1)"
                htmlFor={fieldId('percentile')}
                error={errors.percentile}
                hint="0.5 is the median, 0.9 the 90th percentile."
              >
                <input
                  {...field('percentile')}
                  className="input"
                  inputMode="decimal"
                  value={state.percentile}
                  onChange={(e) => update('percentile', e.target.value)}
                />
              </Field>
            ) : null}
            <FilterRows
              id={id}
              state={state}
              known={dimensionValues}
              error={errors.filters}
              onChange={(filters) => update('filters', filters)}
            />
          </>
        ) : state.type === 'ratio' ? (
          <>
            <MetricPicker
              label="Numerator"
              id={fieldId('numerator')}
              field={field('numerator')}
              error={errors.numerator}
              catalog={pickable}
              value={state.numerator}
              onChange={(value) => update('numerator', value)}
            />
            <MetricPicker
              label="Denominator"
              id={fieldId('denominator')}
              field={field('denominator')}
              error={errors.denominator}
              catalog={pickable}
              value={state.denominator}
              onChange={(value) => update('denominator', value)}
            />
          </>
        ) : (
          <Field
            label="Formula"
            htmlFor={fieldId('expression')}
            error={errors.expression}
            hint="Metric keys with + − × ÷ (or + - * /), numbers and parentheses."
          >
            <textarea
              {...field('expression')}
              className="input input--mono input--area"
              rows={3}
              value={state.expression}
              spellCheck={false}
              placeholder="activities_total / reps_active"
              onChange={(e) => update('expression', e.target.value)}
            />
          </Field>
        )}
      </fieldset>

      {callout ? (
        <div className="callout callout--error" role="alert">
          <CircleAlert aria-hidden size={16} className="callout__icon" />
          <div>
            <p className="callout__title">{callout.title}</p>
            {callout.detail ? <p className="callout__text">{callout.detail}</p> : null}
          </div>
        </div>
      ) : null}

      <div className="metric-form__actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {editing
            ? submitting
              ? 'Saving…'
              : 'Save changes'
            : submitting
              ? 'Creating…'
              : 'Create metric'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
}: {
  label: string;
  htmlFor: string;
  error: string | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={htmlFor}>
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} className="field__error">
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint">{hint}</p>
      ) : null}
    </div>
  );
}

function MetricPicker({
  label,
  id,
  field,
  error,
  catalog,
  value,
  onChange,
}: {
  label: string;
  id: string;
  field: Record<string, unknown>;
  error: string | undefined;
  catalog: CatalogMetric[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} htmlFor={id} error={error}>
      <select {...field} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Pick a metric…</option>
        {catalog.map((metric) => (
          <option key={metric.key} value={metric.key}>
            {metric.name} ({metric.key})
          </option>
        ))}
      </select>
    </Field>
  );
}

function FilterRows({
  id,
  state,
  known,
  error,
  onChange,
}: {
  id: string;
  state: MetricFormState;
  known: readonly DimensionValues[] | null;
  error: string | undefined;
  onChange: (filters: MetricFormState['filters']) => void;
}) {
  const rows = state.filters;
  const set = (index: number, part: 'dimension' | 'value', value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [part]: value } : row)));
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <span className="field__label" id={`${id}-filters-label`}>
        Filters
      </span>
      {rows.length === 0 ? (
        <p className="field__hint">
          Every row counts. Add a filter to narrow, e.g. channel = call.
        </p>
      ) : null}
      <datalist id={`${id}-dimensions`}>
        {filterSuggestions(null, known, '').dimensions.map((dimension) => (
          <option key={dimension} value={dimension} />
        ))}
      </datalist>
      {rows.map((row, index) => (
        // Rows have no identity beyond their place; removing re-renders the rest.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="filter-row" key={index}>
          <input
            className="input input--mono"
            aria-label={`Filter ${index + 1} dimension`}
            data-field={index === 0 ? 'filters' : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-filters-error` : undefined}
            list={`${id}-dimensions`}
            placeholder="channel"
            value={row.dimension}
            onChange={(e) => set(index, 'dimension', e.target.value)}
          />
          <span aria-hidden className="filter-row__eq">
            =
          </span>
          <input
            className="input input--mono"
            aria-label={`Filter ${index + 1} value`}
            list={`${id}-values-${index}`}
            placeholder="call"
            value={row.value}
            onChange={(e) => set(index, 'value', e.target.value)}
          />
          <datalist id={`${id}-values-${index}`}>
            {filterSuggestions(null, known, row.dimension.trim()).values.map((suggestion) => (
              <option key={suggestion.value} value={suggestion.value}>
                {suggestion.label}
              </option>
            ))}
          </datalist>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove filter ${index + 1}`}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <X aria-hidden size={14} />
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...rows, { dimension: '', value: '' }])}
      >
        <Plus aria-hidden size={14} />
        Add filter
      </button>
      {error ? (
        <p id={`${id}-filters-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
