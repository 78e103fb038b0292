/**
 * The right panel: everything about the selected node (value, previous value, change,
 * numerator and denominator, filter, owners, a larger sparkline of recent periods, and
 * what each child contributed), or, with nothing selected, the tree and how to start.
 */
import type { MetricDirection, NodeView, TreeView } from '@treeline/core';
import { MousePointerClick, TriangleAlert } from 'lucide-react';
import { type ReactNode, useMemo } from 'react';
import { useEditorActions, useSelectedNodeView, useTreeView } from '../editor/store';
import { changeTone } from '../lib/change-tone';
import {
  formatFilter,
  formatMetricValue,
  formatPercentChange,
  formatQuantity,
  formatSignedMetricValue,
  NO_DATA,
} from '../lib/format';
import { RELATION_OPERATORS } from '../lib/relation-operator';
import { ChangeChip } from './ChangeChip';
import { OwnerAvatar } from './OwnerAvatar';
import { SkeletonLine } from './Skeleton';
import { Sparkline } from './Sparkline';

const DIRECTION_WORDS: Record<MetricDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_band: 'Best within its band',
};

export function DetailPanel({ loading }: { loading: boolean }) {
  const view = useTreeView();
  const node = useSelectedNodeView();
  return (
    <aside className="panel" aria-label="Details">
      {loading || !view ? (
        <PanelSkeleton active={loading} />
      ) : node ? (
        <NodeDetails node={node} view={view} />
      ) : (
        <TreeOverview view={view} />
      )}
    </aside>
  );
}

function PanelSkeleton({ active }: { active: boolean }) {
  if (!active) {
    return (
      <div className="panel__section">
        <p className="panel__text">Details of the selected node appear here once a tree is open.</p>
      </div>
    );
  }
  return (
    <div className="panel__section" aria-hidden>
      <SkeletonLine width="60%" height={16} />
      <SkeletonLine width="40%" />
      <SkeletonLine width="50%" height={28} />
      <SkeletonLine width="100%" height={72} />
    </div>
  );
}

function TreeOverview({ view }: { view: TreeView }) {
  return (
    <div className="panel__section">
      <p className="panel__eyebrow">Tree</p>
      <h2 className="panel__title">{view.tree.name}</h2>
      {view.tree.description ? <p className="panel__text">{view.tree.description}</p> : null}
      <dl className="facts">
        <Fact term="Nodes">{view.nodes.length}</Fact>
        <Fact term="Period">{view.period.label}</Fact>
        <Fact term="Version">{view.tree.version}</Fact>
        {view.tree.templateKey ? <Fact term="Template">{view.tree.templateKey}</Fact> : null}
      </dl>
      <p className="panel__hint">
        <MousePointerClick aria-hidden size={14} className="panel__hint-icon" />
        Select a node on the canvas to see its value, change, owners and what moved it.
      </p>
    </div>
  );
}

function NodeDetails({ node, view }: { node: NodeView; view: TreeView }) {
  const { selectNode } = useEditorActions();
  const children = useMemo(() => {
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    return view.edges
      .filter((edge) => edge.source === node.id)
      .map((edge) => ({ edge, child: byId.get(edge.target) }))
      .filter((entry): entry is { edge: (typeof view.edges)[number]; child: NodeView } =>
        Boolean(entry.child),
      );
  }, [view, node.id]);
  const residual = view.residuals.find((r) => r.nodeId === node.id)?.value ?? null;
  const filter = formatFilter(node.filter);
  const hasParts = node.numerator !== null || node.denominator !== null;
  const tone = changeTone(node);
  const seriesLabel = `${node.label}, last ${node.series.length} periods: ${node.series
    .map((point) => `${point.label} ${formatMetricValue(point.value, node.unit)}`)
    .join('; ')}`;

  return (
    <div className="panel__scroll">
      <section className="panel__section" aria-labelledby="panel-node-title">
        <p className="panel__eyebrow">
          {node.kind === 'input' ? 'Input metric' : 'Output metric'} ·{' '}
          {DIRECTION_WORDS[node.direction]}
        </p>
        <h2 className="panel__title" id="panel-node-title">
          {node.label}
        </h2>
        <p className="panel__metric">
          {node.metricName !== node.label ? <span>{node.metricName} </span> : null}
          <code>{node.metricKey}</code>
        </p>

        {node.error ? (
          <div className="callout callout--error" role="note">
            <TriangleAlert aria-hidden size={14} className="callout__icon" />
            <div>
              <strong>This node could not be evaluated.</strong> {node.error.message}{' '}
              <code>{node.error.code}</code>
            </div>
          </div>
        ) : null}

        <div className="panel__value-row">
          <span className={`panel__value${node.value === null ? ' is-empty' : ''}`}>
            {formatMetricValue(node.value, node.unit)}
          </span>
          <ChangeChip node={node} previousLabel={view.previousPeriod.label} />
        </div>
        <p className="panel__period">
          {view.period.label}
          {view.period.toDate ? ' (to date)' : ''} vs {view.previousPeriod.label}
        </p>

        <figure className="panel__chart">
          <Sparkline
            series={node.series}
            width={272}
            height={72}
            tone={tone}
            filled
            label={seriesLabel}
          />
          {node.series.length > 0 ? (
            <figcaption className="panel__chart-axis">
              <span>{node.series[0]?.label}</span>
              <span>{node.series[node.series.length - 1]?.label}</span>
            </figcaption>
          ) : null}
        </figure>
      </section>

      <section className="panel__section" aria-label="Values">
        <dl className="facts">
          <Fact term="Value">{formatMetricValue(node.value, node.unit)}</Fact>
          <Fact term={`Previous (${view.previousPeriod.label})`}>
            {formatMetricValue(node.previousValue, node.unit)}
          </Fact>
          <Fact term="Change">
            {node.change
              ? `${formatSignedMetricValue(node.change.absolute, node.unit)}${
                  node.change.percent !== null
                    ? ` (${formatPercentChange(node.change.percent)})`
                    : ''
                }`
              : NO_DATA}
          </Fact>
          {hasParts ? (
            <>
              <Fact term="Numerator">{formatQuantity(node.numerator)}</Fact>
              <Fact term="Denominator">{formatQuantity(node.denominator)}</Fact>
            </>
          ) : null}
          {residual !== null ? (
            <Fact term="Other (not in tree)">{formatMetricValue(residual, node.unit)}</Fact>
          ) : null}
          <Fact term="Filter">{filter || 'None'}</Fact>
        </dl>
      </section>

      <section className="panel__section" aria-label="Owners">
        <h3 className="panel__subtitle">Owners</h3>
        <div className="owner">
          <OwnerAvatar person={node.accountable} size="large" />
          <div>
            <div className="owner__name">{node.accountable?.name ?? 'Nobody yet'}</div>
            <div className="owner__role">Accountable</div>
          </div>
        </div>
        <p className="panel__text">
          {node.responsibleCount === 0
            ? 'No one is Responsible yet.'
            : `${node.responsibleCount} ${node.responsibleCount === 1 ? 'person is' : 'people are'} Responsible.`}
        </p>
      </section>

      {children.length > 0 ? (
        <section className="panel__section" aria-label="Branches">
          <h3 className="panel__subtitle">Branches and their contribution</h3>
          <ul className="branches">
            {children.map(({ edge, child }) => (
              <li key={edge.id}>
                <button
                  type="button"
                  className="branches__item"
                  onClick={() => selectNode(child.id)}
                  title={`Select ${child.label}`}
                >
                  <span
                    className={`branches__operator relation-label--${edge.relation}`}
                    title={RELATION_OPERATORS[edge.relation].name}
                  >
                    {RELATION_OPERATORS[edge.relation].symbol}
                  </span>
                  <span className="branches__label">{child.label}</span>
                  <span className="branches__value">
                    {edge.relation === 'driver'
                      ? 'driver'
                      : edge.contribution !== null
                        ? formatSignedMetricValue(edge.contribution, node.unit)
                        : 'not attributed'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel__section" aria-label="Recent periods">
        <h3 className="panel__subtitle">Recent periods</h3>
        <table className="series-table">
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {[...node.series].reverse().map((point) => (
              <tr key={point.periodStart}>
                <th scope="row">{point.label}</th>
                <td className={point.value === null ? 'is-empty' : undefined}>
                  {formatMetricValue(point.value, node.unit)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
