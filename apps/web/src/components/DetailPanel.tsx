/**
 * The right panel: everything about the selected node (value, previous value, change,
 * numerator and denominator, filter, a line chart of recent periods, its split by channel
 * and by source, segment or lifecycle stage, a link to the metric's page, and what each
 * child contributed) and where it is edited: its label, its RACI owners, its target or
 * benchmark band, a link under a parent, delete. A selected link can be deleted; with
 * nothing selected, the tree itself (name, description, motion) and how to start.
 */
import {
  BENCHMARK_MOTIONS,
  type BenchmarkMotionKey,
  type MetricDirection,
  type NodeView,
  type TreeDraft,
  type TreeDraftNode,
  type TreeIssue,
  type TreeView,
} from '@treeline/core';
import { CircleAlert, Link2, MousePointerClick, Trash2, TriangleAlert } from 'lucide-react';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { RelationOptions, useRelationVerdicts } from '../editor/RelationOptions';
import {
  useDraft,
  useEditorActions,
  useEditorStore,
  useSelectedEdgeId,
  useSelectedNode,
  useTreeView,
} from '../editor/store';
import type { DimensionValues } from '../lib/api';
import { changeTone } from '../lib/change-tone';
import {
  formatMetricValue,
  formatPercentChange,
  formatQuantity,
  formatSignedMetricValue,
  NO_DATA,
} from '../lib/format';
import { RELATION_OPERATORS } from '../lib/relation-operator';
import { BandBar, describeBand } from './BandBar';
import { BandEditor } from './BandEditor';
import { ChangeChip } from './ChangeChip';
import { NodeLineChart, NodeSplitCharts, OpenMetricPageLink } from './charts/NodeCharts';
import { FilterEditor } from './FilterEditor';
import { RaciEditor } from './RaciEditor';
import { SkeletonLine } from './Skeleton';

const DIRECTION_WORDS: Record<MetricDirection, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_band: 'Best within its band',
};

export function DetailPanel({
  loading,
  dimensionValues,
}: {
  loading: boolean;
  /** The workspace's dimension values (for the node filter's suggestions), once loaded. */
  dimensionValues: readonly DimensionValues[] | null;
}) {
  const view = useTreeView();
  const draft = useDraft();
  const selected = useSelectedNode();
  const edgeId = useSelectedEdgeId();
  return (
    <aside className="panel" aria-label="Details">
      {loading || !draft ? (
        <PanelSkeleton active={loading} />
      ) : selected ? (
        <NodeDetails
          key={selected.draft.id}
          node={selected.view}
          draftNode={selected.draft}
          pending={selected.pending}
          issues={selected.issues}
          view={view}
          draft={draft}
          dimensionValues={dimensionValues}
        />
      ) : edgeId ? (
        <EdgeDetails edgeId={edgeId} draft={draft} />
      ) : (
        <TreeOverview view={view} draft={draft} />
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

function TreeOverview({ view, draft }: { view: TreeView | null; draft: TreeDraft }) {
  const { updateTree } = useEditorActions();
  const version = useEditorStore((state) => state.version);
  const warnings = useEditorStore((state) => state.warnings);
  const id = useId();
  return (
    <div className="panel__scroll">
      <section className="panel__section" aria-label="Tree">
        <p className="panel__eyebrow">Tree</p>
        <CommitInput
          key={`name:${draft.name}`}
          id={`${id}-name`}
          label="Tree name"
          className="input panel__title-input"
          value={draft.name}
          onCommit={(name) => updateTree({ name })}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-description`}>
            Description
          </label>
          <CommitInput
            key={`description:${draft.description}`}
            id={`${id}-description`}
            className="input input--area"
            multiline
            value={draft.description}
            placeholder="What this tree explains, and for whom"
            onCommit={(description) => updateTree({ description })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-motion`}>
            Outbound motion (benchmark)
          </label>
          <select
            id={`${id}-motion`}
            className="input"
            value={draft.motion ?? ''}
            onChange={(event) =>
              updateTree({ motion: (event.target.value || null) as BenchmarkMotionKey | null })
            }
          >
            <option value="">None</option>
            {BENCHMARK_MOTIONS.map((motion) => (
              <option key={motion.key} value={motion.key}>
                {motion.name} ({motion.min}–{motion.max}
                {motion.openAbove ? '+' : ''})
              </option>
            ))}
          </select>
        </div>
        <dl className="facts">
          <Fact term="Nodes">{draft.nodes.length}</Fact>
          <Fact term="Links">{draft.edges.length}</Fact>
          {view ? <Fact term="Period">{view.period.label}</Fact> : null}
          <Fact term="Version">{version}</Fact>
          {view?.tree.templateKey ? <Fact term="Template">{view.tree.templateKey}</Fact> : null}
        </dl>
        <HygieneWarnings warnings={warnings} />
        <p className="panel__hint">
          <MousePointerClick aria-hidden size={14} className="panel__hint-icon" />
          <span>
            Select a node to see its value and owners. Add metrics with <kbd>A</kbd>; link a child
            by dragging from its parent's lower handle onto it.
          </span>
        </p>
      </section>
    </div>
  );
}

function EdgeDetails({ edgeId, draft }: { edgeId: string; draft: TreeDraft }) {
  const { deleteElements, selectNode, relink } = useEditorActions();
  const edge = draft.edges.find((e) => e.id === edgeId);
  const verdicts = useRelationVerdicts(edge?.parent ?? null, edge?.child ?? null, edgeId);
  const id = useId();
  if (!edge) return null;
  const parent = draft.nodes.find((n) => n.id === edge.parent);
  const child = draft.nodes.find((n) => n.id === edge.child);
  const operator = RELATION_OPERATORS[edge.relation];
  const side =
    edge.relation === 'ratio' && edge.role
      ? ` (${edge.role})`
      : edge.relation === 'product' && edge.exponent === -1
        ? ' (divides)'
        : '';
  return (
    <div className="panel__scroll">
      <section className="panel__section" aria-label="Link">
        <p className="panel__eyebrow">Link</p>
        <h2 className="panel__title">
          {child?.label ?? edge.child} → {parent?.label ?? edge.parent}
        </h2>
        <dl className="facts">
          <Fact term="Relation">
            {operator.name}
            {side}
          </Fact>
          <Fact term="Means">{operator.description}</Fact>
        </dl>
        <div className="panel__actions">
          {parent ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => selectNode(parent.id)}
            >
              Select parent
            </button>
          ) : null}
          <button
            type="button"
            className="button button--small"
            onClick={() => deleteElements({ edgeIds: [edge.id] })}
          >
            <Trash2 aria-hidden size={13} />
            Delete link
          </button>
        </div>
      </section>
      <section className="panel__section" aria-labelledby={`${id}-relation`}>
        <h3 className="panel__subtitle" id={`${id}-relation`}>
          Change the relation
        </h3>
        <RelationOptions
          verdicts={verdicts}
          current={edge}
          onChoose={(choice) => relink(edge.id, choice)}
        />
      </section>
    </div>
  );
}

function NodeDetails({
  node,
  draftNode,
  pending,
  issues,
  view,
  draft,
  dimensionValues,
}: {
  node: NodeView;
  draftNode: TreeDraftNode;
  pending: boolean;
  issues: readonly string[];
  view: TreeView | null;
  draft: TreeDraft;
  dimensionValues: readonly DimensionValues[] | null;
}) {
  const { selectNode, updateNode, setBand, assignRole, updateTree, deleteElements } =
    useEditorActions();
  const people = useEditorStore((state) => state.people);
  const metricDimensions = useEditorStore(
    (state) => state.catalog.get(draftNode.metricKey)?.dimensions ?? null,
  );
  const allWarnings = useEditorStore((state) => state.warnings);
  const warnings = useMemo(
    () => allWarnings.filter((warning) => warning.nodeId === node.id),
    [allWarnings, node.id],
  );
  const id = useId();
  const children = useMemo(() => {
    const byId = new Map(draft.nodes.map((n) => [n.id, n]));
    const live = new Map(view?.edges.map((edge) => [edge.id, edge]) ?? []);
    return draft.edges
      .filter((edge) => edge.parent === node.id)
      .map((edge) => ({
        edge,
        child: byId.get(edge.child),
        contribution: live.get(edge.id)?.contribution ?? null,
      }))
      .filter(
        (
          entry,
        ): entry is {
          edge: TreeDraft['edges'][number];
          child: TreeDraftNode;
          contribution: number | null;
        } => Boolean(entry.child),
      );
  }, [draft, view, node.id]);
  const residual = pending
    ? null
    : (view?.residuals.find((r) => r.nodeId === node.id)?.value ?? null);
  const previousLabel = view?.previousPeriod.label ?? 'previous period';
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
        <h2 className="visually-hidden" id="panel-node-title">
          {node.label}
        </h2>
        <CommitInput
          key={`label:${draftNode.label}`}
          id={`${id}-label`}
          label="Node label"
          className="input panel__title-input"
          value={draftNode.label}
          onCommit={(label) => updateNode(node.id, { label })}
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

      {pending || !view || node.error ? null : (
        <section className="panel__section" aria-label="Splits">
          <NodeSplitCharts node={node} view={view} />
        </section>
      )}

      {pending || node.error ? null : (
        <section className="panel__section" aria-label="Values">
          <dl className="facts">
            <Fact term="Value">{formatMetricValue(node.value, node.unit)}</Fact>
            <Fact term={`Previous (${previousLabel})`}>
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
          </dl>
        </section>
      )}

      <section className="panel__section" aria-labelledby={`${id}-owners`}>
        <h3 className="panel__subtitle" id={`${id}-owners`}>
          Owners
        </h3>
        <RaciEditor
          nodeLabel={draftNode.label}
          raci={draftNode.raci}
          people={people}
          onAssign={(role, personId, assigned) => assignRole(node.id, role, personId, assigned)}
        />
      </section>

      <section className="panel__section" aria-labelledby={`${id}-band`}>
        <h3 className="panel__subtitle" id={`${id}-band`}>
          Target
        </h3>
        {node.band && !pending ? (
          <div className="panel__band">
            <BandBar band={node.band} unit={node.unit} width={272} />
            <p className="field__hint">{describeBand(node.band, node.unit)}</p>
          </div>
        ) : null}
        <BandEditor
          key={JSON.stringify(draftNode.band)}
          band={draftNode.band}
          unit={node.unit}
          motion={draft.motion}
          onBandChange={(band) => setBand(node.id, band)}
          onMotionChange={(motion) => updateTree({ motion })}
        />
      </section>

      <section className="panel__section" aria-labelledby={`${id}-filter`}>
        <h3 className="panel__subtitle" id={`${id}-filter`}>
          Filter
        </h3>
        <FilterEditor
          filter={draftNode.filter}
          dimensions={metricDimensions}
          known={dimensionValues}
          onChange={(filter) => updateNode(node.id, { filter })}
        />
      </section>

      <ParentLinker node={draftNode} draft={draft} />

      {children.length > 0 ? (
        <section className="panel__section" aria-label="Branches">
          <h3 className="panel__subtitle">Branches and their contribution</h3>
          <ul className="branches">
            {children.map(({ edge, child, contribution }) => (
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
                      : contribution !== null
                        ? formatSignedMetricValue(contribution, node.unit)
                        : 'not attributed'}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {pending ? null : (
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
      )}

      <section className="panel__section" aria-label="Delete node">
        <button
          type="button"
          className="button button--small"
          onClick={() => deleteElements({ nodeIds: [node.id] })}
        >
          <Trash2 aria-hidden size={13} />
          Delete node
        </button>
        <p className="field__hint">Its links go with it. Undo brings both back.</p>
      </section>
    </div>
  );
}

/** The keyboard way to link: pick a parent, then how this node explains it. */
function ParentLinker({ node, draft }: { node: TreeDraftNode; draft: TreeDraft }) {
  const id = useId();
  const [parentId, setParentId] = useState('');
  const { connect } = useEditorActions();
  const verdicts = useRelationVerdicts(parentId || null, node.id);
  const parents = draft.edges
    .filter((edge) => edge.child === node.id)
    .map((edge) => draft.nodes.find((n) => n.id === edge.parent)?.label ?? edge.parent);
  const candidates = draft.nodes.filter((n) => n.id !== node.id);
  if (candidates.length === 0) return null;
  return (
    <section className="panel__section" aria-labelledby={`${id}-link`}>
      <h3 className="panel__subtitle" id={`${id}-link`}>
        <Link2 aria-hidden size={13} className="panel__subtitle-icon" /> Link under a parent
      </h3>
      {parents.length > 0 ? (
        <p className="panel__text">Explains {parents.map((label) => `'${label}'`).join(', ')}.</p>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-parent`}>
          Parent node
        </label>
        <select
          id={`${id}-parent`}
          className="input"
          value={parentId}
          onChange={(event) => setParentId(event.target.value)}
        >
          <option value="">Choose a parent…</option>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      {parentId ? (
        <RelationOptions
          verdicts={verdicts}
          onChoose={(choice) => {
            const verdict = connect(parentId, node.id, choice);
            if (verdict.ok) setParentId('');
          }}
        />
      ) : null}
    </section>
  );
}

/** A text field that edits on blur or Enter, so one rename is one undoable edit. */
function CommitInput({
  id,
  label,
  value,
  onCommit,
  className,
  placeholder,
  multiline = false,
}: {
  id: string;
  label?: string;
  value: string;
  onCommit: (value: string) => void;
  className: string;
  placeholder?: string;
  multiline?: boolean;
}) {
  const [text, setText] = useState(value);
  const commit = () => {
    if (text !== value && (multiline || text.trim() !== ''))
      onCommit(multiline ? text : text.trim());
    else if (text.trim() === '') setText(value);
  };
  const common = {
    id,
    className,
    value: text,
    placeholder,
    'aria-label': label,
    onBlur: commit,
  };
  return multiline ? (
    <textarea {...common} rows={2} onChange={(event) => setText(event.target.value)} />
  ) : (
    <input
      {...common}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setText(value);
      }}
      maxLength={200}
    />
  );
}

/** Hygiene warnings (never blocking): the common tracking mistakes, said plainly. */
function HygieneWarnings({ warnings }: { warnings: readonly TreeIssue[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="callout callout--warning" role="note">
      <TriangleAlert aria-hidden size={14} className="callout__icon" />
      <div>
        <p className="callout__title">
          {warnings.length === 1 ? 'One thing to check' : `${warnings.length} things to check`}
        </p>
        <ul className="callout__list">
          {warnings.map((warning) => (
            <li key={`${warning.code}:${warning.message}`}>{warning.message}</li>
          ))}
        </ul>
      </div>
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
