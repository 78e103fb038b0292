/**
 * The metric form's definition: its type, then a row aggregate's source, column,
 * percentile and filters, a ratio's numerator and denominator, or a formula.
 */
import { METRIC_SOURCES } from '@treeline/core';
import type { CatalogMetric, DimensionValues } from '../lib/api';
import { DEFINITION_TYPE_LABELS, SOURCE_COLUMNS, SOURCE_LABELS } from '../lib/metric-catalog';
import {
  DEFINITION_TYPES,
  isRowDefinition,
  type MetricFormState,
  needsColumn,
} from '../lib/metric-form';
import { CatalogMetricPicker } from './CatalogMetricPicker';
import { FormField } from './FormField';
import { MetricFilterRows } from './MetricFilterRows';
import type { MetricFormControls } from './use-metric-form';

export function MetricDefinitionFields({
  form: { id, state, errors, update, field, fieldId },
  pickable,
  dimensionValues,
}: {
  form: MetricFormControls;
  /** The metrics a ratio may be made of. */
  pickable: CatalogMetric[];
  dimensionValues: readonly DimensionValues[] | null;
}) {
  return (
    <fieldset className="metric-form__definition">
      <legend>Definition</legend>
      <FormField label="Type" htmlFor={fieldId('type')} error={errors.type}>
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
      </FormField>

      {isRowDefinition(state.type) ? (
        <>
          <FormField label="Source" htmlFor={fieldId('source')} error={errors.source}>
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
          </FormField>
          {needsColumn(state.type) ? (
            <FormField label="Column" htmlFor={fieldId('column')} error={errors.column}>
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
            </FormField>
          ) : null}
          {state.type === 'percentile' ? (
            <FormField
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
            </FormField>
          ) : null}
          <MetricFilterRows
            id={id}
            state={state}
            known={dimensionValues}
            error={errors.filters}
            onChange={(filters) => update('filters', filters)}
          />
        </>
      ) : state.type === 'ratio' ? (
        <>
          <CatalogMetricPicker
            label="Numerator"
            id={fieldId('numerator')}
            field={field('numerator')}
            error={errors.numerator}
            catalog={pickable}
            value={state.numerator}
            onChange={(value) => update('numerator', value)}
          />
          <CatalogMetricPicker
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
        <FormField
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
        </FormField>
      )}
    </fieldset>
  );
}
