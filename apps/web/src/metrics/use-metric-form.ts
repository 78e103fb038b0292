/**
 * The metric form's state and submit: the fields as typed, each field's error (cleared as
 * it is edited), the callout for a problem no field owns, and the submit that checks what
 * it can, sends, and on a refusal puts the server's problem next to its field and focuses
 * the first field in error.
 */
import { type FormEvent, type RefObject, useId, useState } from 'react';
import {
  ApiProblem,
  type CatalogMetric,
  type MetricEntry,
  type Problem,
  toProblem,
} from '../lib/api';
import {
  buildCreateMetricBody,
  buildMetricChanges,
  EMPTY_METRIC_FORM,
  type MetricFormErrors,
  type MetricFormField,
  type MetricFormState,
  metricFormStateOf,
  placeMetricProblem,
} from '../lib/metric-form';
import type { MetricFormMode } from './metric-form-mode';

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

export interface MetricFormControls {
  id: string;
  state: MetricFormState;
  errors: MetricFormErrors;
  callout: Problem | null;
  submitting: boolean;
  editing: CatalogMetric | null;
  update: <K extends keyof MetricFormState>(field: K, value: MetricFormState[K]) => void;
  fieldId: (field: MetricFormField) => string;
  /** The props that tie an input to its field: id, error state and description. */
  field: (name: MetricFormField) => {
    id: string;
    'data-field': MetricFormField;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  };
  submit: (event: FormEvent) => Promise<void>;
}

/** @example const form = useMetricForm(mode, formRef, onSaved); <form onSubmit={form.submit}> */
export function useMetricForm(
  mode: MetricFormMode,
  formRef: RefObject<HTMLFormElement | null>,
  onSaved: (metric: MetricEntry) => void,
): MetricFormControls {
  const id = useId();
  const editing = mode.kind === 'edit' ? mode.metric : null;
  const [state, setState] = useState<MetricFormState>(
    () => (editing && metricFormStateOf(editing)) || EMPTY_METRIC_FORM,
  );
  const [errors, setErrors] = useState<MetricFormErrors>({});
  const [callout, setCallout] = useState<Problem | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const fieldId = (field: MetricFormField) => `${id}-${field}`;
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
    'aria-invalid': errors[name] ? (true as const) : undefined,
    'aria-describedby': errors[name] ? `${fieldId(name)}-error` : undefined,
  });

  return { id, state, errors, callout, submitting, editing, update, fieldId, field, submit };
}
