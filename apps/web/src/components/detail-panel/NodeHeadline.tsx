/**
 * The top of a node's panel: what it measures and how it is read, its label (edited in
 * place), why a save was refused or it could not be evaluated, its value against the
 * previous period with a line of recent periods, and the link to its metric's page.
 */
import type { MetricDirection, NodeView, TreeIssue, TreeView } from '@treeline/core';
import { CircleAlert, TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { useEditorActions } from '../../editor/tree-editor-hooks';
import { changeTone } from '../../lib/change-tone';
import { formatMetricValue } from '../../lib/format';
import { ChangeChip } from '../ChangeChip';
import { NodeLineChart, OpenMetricPageLink } from '../charts/NodeCharts';
import { CommitInput } from './CommitInput';
import { HygieneWarnings } from './HygieneWarnings';

const DIRECTION_WORDS: Record<MetricDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_band: 'Best within its band',
};

export function NodeHeadline({
  node,
  label,
  pending,
  issues,
  warnings,
  view,
}: {
  node: NodeView;
  /** The label as the draft has it. */
  label: string;
  pending: boolean;
  issues: readonly string[];
  warnings: readonly TreeIssue[];
  view: TreeView | null;
}) {
  const { updateNode } = useEditorActions();
  const id = useId();
  const previousLabel = view?.previousPeriod.label ?? 'previous period';
  const tone = changeTone(node);
  const seriesLabel = `${node.label}, last ${node.series.length} periods: ${node.series
    .map((point) => `${point.label} ${formatMetricValue(point.value, node.unit)}`)
    .join('; ')}`;
  return (
    <section className="panel__section" aria-labelledby="panel-node-title">
      <p className="panel__eyebrow">
        {node.kind === 'input' ? 'Input metric' : 'Output metric'} ·{' '}
        {DIRECTION_WORDS[node.direction]}
      </p>
      <h2 className="visually-hidden" id="panel-node-title">
        {node.label}
      </h2>
      <CommitInput
        key={`label:${label}`}
        id={`${id}-label`}
        label="Node label"
        className="input panel__title-input"
        value={label}
        onCommit={(next) => updateNode(node.id, { label: next })}
      />
      <p className="panel__metric">
        {node.metricName !== node.label ? <span>{node.metricName} </span> : null}
        <code>{node.metricKey}</code>
      </p>

      {issues.length > 0 ? (
        <div className="callout callout--error" role="note" data-testid="panel-issues">
          <CircleAlert aria-hidden size={14} className="callout__icon" />
          <div>
            <strong>The last save was refused here.</strong>
            <ul className="callout__list">
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <HygieneWarnings warnings={warnings} />

      {pending ? (
        <p className="panel__pending">
          Added or changed since the values were computed: save the tree to see its numbers.
        </p>
      ) : node.error ? (
        <div className="callout callout--error" role="note">
          <TriangleAlert aria-hidden size={14} className="callout__icon" />
          <div>
            <strong>This node could not be evaluated.</strong> {node.error.message}{' '}
            <code>{node.error.code}</code>
          </div>
        </div>
      ) : null}

      {pending || node.error ? null : (
        <>
          <div className="panel__value-row">
            <span className={`panel__value${node.value === null ? ' is-empty' : ''}`}>
              {formatMetricValue(node.value, node.unit)}
            </span>
            <ChangeChip node={node} previousLabel={previousLabel} />
          </div>
          {view ? (
            <p className="panel__period">
              {view.period.label}
              {view.period.toDate ? ' (to date)' : ''} vs {view.previousPeriod.label}
            </p>
          ) : null}

          <NodeLineChart node={node} view={view} label={seriesLabel} tone={tone} />
        </>
      )}
      <OpenMetricPageLink metricKey={node.metricKey} />
    </section>
  );
}
