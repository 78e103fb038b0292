/**
 * The metric form, for a new metric or to edit a custom one: key (fixed once created),
 * name, description, unit, direction, kind and the definition (a row aggregate with
 * filters, a ratio of two catalog metrics, or a formula). Checks what it can before
 * sending; a problem the server answers is shown next to its field or in a callout above
 * the buttons, never dropped.
 */
import { CircleAlert, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { CatalogMetric, DimensionValues, MetricEntry } from '../lib/api';
import { MetricBasicsFields } from './MetricBasicsFields';
import { MetricDefinitionFields } from './MetricDefinitionFields';
import type { MetricFormMode } from './metric-form-mode';
import { useMetricForm } from './use-metric-form';

export type { MetricFormMode } from './metric-form-mode';

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
  const formRef = useRef<HTMLFormElement>(null);
  const form = useMetricForm(mode, formRef, onSaved);
  const { editing, callout, submitting } = form;
  // A ratio of a metric over itself is a cycle; the server would refuse it anyway.
  const pickable = editing ? catalog.filter((metric) => metric.key !== editing.key) : catalog;
  const title = editing ? `Edit ${editing.name}` : 'New metric';
  // Opening the form starts at its first field, so a keyboard user can type at once.
  const firstField = editing ? 'name' : 'key';
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>(`[data-field="${firstField}"]`)?.focus();
  }, [firstField]);

  return (
    <form
      ref={formRef}
      className="metric-form"
      onSubmit={form.submit}
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

      <MetricBasicsFields form={form} />
      <MetricDefinitionFields form={form} pickable={pickable} dimensionValues={dimensionValues} />

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
