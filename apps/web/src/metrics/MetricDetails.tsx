/** The Metrics screen's side panel for one metric: its definition in words, a link to its page, and for a custom one edit and delete (after a confirm). */
import { ChartLine, Pencil, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, type MetricEntry, type Problem, toProblem } from '../lib/api';
import { describeMetricDefinition } from '../lib/describe-metric-definition';
import { DIRECTION_LABELS, KIND_LABELS, UNIT_LABELS } from '../lib/metric-catalog';
import { metricFormStateOf } from '../lib/metric-form';
import { paths } from '../routes/paths';
import { usePermission } from '../session/workspace-scope';

export function MetricDetails({
  metric,
  onEdit,
  onDeleted,
}: {
  metric: MetricEntry;
  onEdit: () => void;
  onDeleted: () => void;
}) {
  const edit = usePermission('editor');
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function remove() {
    setDeleting(true);
    setProblem(null);
    try {
      await api.deleteMetric(metric.key);
      onDeleted();
    } catch (error) {
      setProblem(toProblem(error));
      setConfirming(false);
      setDeleting(false);
    }
  }

  return (
    <div className="metric-details">
      <p className="panel__eyebrow">{metric.builtIn ? 'Built-in metric' : 'Custom metric'}</p>
      <h2 className="metric-details__name">{metric.name}</h2>
      <code className="catalog__key">{metric.key}</code>
      {metric.description ? <p className="metric-details__text">{metric.description}</p> : null}
      <Link
        className="button button--primary metric-details__open"
        href={paths.metric(metric.key)}
        data-testid="open-metric-page"
      >
        <ChartLine aria-hidden size={14} />
        Open metric page
      </Link>
      <dl className="metric-details__facts">
        <dt>Definition</dt>
        <dd className="metric-details__definition">
          {describeMetricDefinition(metric.definition)}
        </dd>
        <dt>Unit</dt>
        <dd>{UNIT_LABELS[metric.unit]}</dd>
        <dt>Direction</dt>
        <dd>{DIRECTION_LABELS[metric.direction]}</dd>
        <dt>Kind</dt>
        <dd>{KIND_LABELS[metric.kind]}</dd>
      </dl>
      {metric.builtIn ? (
        <p className="field__hint">
          Built-in metrics are read-only; build on them in a custom one.
        </p>
      ) : !edit.allowed ? (
        <p className="field__hint">{edit.reason}</p>
      ) : confirming ? (
        <div className="confirm">
          <p className="confirm__text">
            Delete <strong>{metric.name}</strong>? Trees and formulas can no longer use it.
          </p>
          <div className="metric-form__actions">
            <button
              ref={confirmRef}
              type="button"
              className="button button--danger"
              onClick={remove}
              disabled={deleting}
            >
              {deleting ? 'Deleting…' : 'Delete metric'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="metric-form__actions">
          {metricFormStateOf(metric) ? (
            <button type="button" className="button" onClick={onEdit}>
              <Pencil aria-hidden size={14} />
              Edit
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            <Trash2 aria-hidden size={14} />
            Delete…
          </button>
        </div>
      )}
      {problem ? (
        <div className="callout callout--error" role="alert">
          <p className="callout__title">{problem.title}</p>
          {problem.detail ? <p className="callout__text">{problem.detail}</p> : null}
        </div>
      ) : null}
    </div>
  );
}
