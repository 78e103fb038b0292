/** The metric form's fields about the metric itself: key, name, description, unit, kind, direction. */
import { METRIC_DIRECTIONS, METRIC_KINDS, METRIC_UNITS } from '@treeline/core';
import { DIRECTION_LABELS, KIND_LABELS, UNIT_LABELS } from '../lib/metric-catalog';
import type { MetricFormState } from '../lib/metric-form';
import { FormField } from './FormField';
import type { MetricFormControls } from './use-metric-form';

export function MetricBasicsFields({
  form: { state, errors, update, field, fieldId, editing },
}: {
  form: MetricFormControls;
}) {
  return (
    <>
      <FormField
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
      </FormField>
      <FormField label="Name" htmlFor={fieldId('name')} error={errors.name}>
        <input
          {...field('name')}
          className="input"
          value={state.name}
          placeholder="Calls per rep"
          onChange={(e) => update('name', e.target.value)}
        />
      </FormField>
      <FormField label="Description" htmlFor={fieldId('description')} error={errors.description}>
        <textarea
          {...field('description')}
          className="input input--area"
          rows={2}
          value={state.description}
          onChange={(e) => update('description', e.target.value)}
        />
      </FormField>
      <div className="metric-form__row">
        <FormField label="Unit" htmlFor={fieldId('unit')} error={errors.unit}>
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
        </FormField>
        <FormField label="Kind" htmlFor={fieldId('kind')} error={errors.kind}>
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
        </FormField>
      </div>
      <FormField label="Direction" htmlFor={fieldId('direction')} error={errors.direction}>
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
      </FormField>
    </>
  );
}
