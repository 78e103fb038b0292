/**
 * Logging or editing an intervention: what changed, who owns it, from when, the node it
 * should move (tree, then node) and by how much at least (in the node's unit), for whom
 * and against whom, and which downstream nodes to check too. Checks what it can before
 * sending; the API's refusals are put next to their fields. Viewers are told why they
 * cannot log one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InterventionCreate, MetricUnit } from '@treeline/core';
import { ArrowLeft } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ScreenLoading } from '../alerts/ScreenLoading';
import { EditGuard, ViewOnlyNote } from '../components/EditGuard';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { formatMetricValue } from '../lib/format';
import { FormField } from '../metrics/FormField';
import { useHashSearch } from '../routes/hash-location';
import { paths } from '../routes/paths';
import { dimensionValuesQuery, treeQuery, treesQuery } from '../server-data/queries';
import { useCatalog } from '../server-data/use-catalog';
import { usePeople } from '../server-data/use-people';
import { useScreenQuery } from '../server-data/use-screen-query';
import { FormProblem } from '../session/FormProblem';
import {
  emptyInterventionForm,
  type InterventionFormErrors,
  type InterventionFormFields,
  interventionBody,
  interventionFormOf,
  placeInterventionProblem,
  type ScopeDimension,
} from './intervention-form';
import { interventionKeys, interventionQuery } from './intervention-queries';
import { interventionsApi } from './interventions-api';
import { ScopeValuesPicker } from './ScopeValuesPicker';

const DIMENSION_LABELS: Record<ScopeDimension, string> = {
  team: 'Team',
  rep_segment: 'Rep segment',
  segment: 'Segment',
  rep: 'Reps',
};

const today = () => new Date().toISOString().slice(0, 10);

/** The form for a new intervention, or for `interventionId` once it has loaded. */
export function InterventionFormScreen({ interventionId }: { interventionId?: string }) {
  const search = new URLSearchParams(useHashSearch());
  const existing = useQuery({
    ...interventionQuery(interventionId ?? ''),
    enabled: !!interventionId,
  });
  if (interventionId) {
    if (existing.isPending) return <ScreenLoading label="Loading the intervention" />;
    if (existing.isError)
      return (
        <ProblemState problem={toProblem(existing.error)} onRetry={() => void existing.refetch()} />
      );
    return (
      <InterventionForm
        interventionId={interventionId}
        initial={interventionFormOf(existing.data.intervention)}
      />
    );
  }
  return (
    <InterventionForm
      initial={{
        ...emptyInterventionForm(today()),
        treeId: search.get('tree') ?? '',
        targetNodeId: search.get('node') ?? '',
      }}
    />
  );
}

function InterventionForm({
  interventionId,
  initial,
}: {
  interventionId?: string;
  initial: InterventionFormFields;
}) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<InterventionFormErrors>({});
  const trees = useScreenQuery(treesQuery());
  const tree = useQuery({ ...treeQuery(fields.treeId), enabled: !!fields.treeId });
  const dimensions = useQuery(dimensionValuesQuery());
  const catalog = useCatalog();
  const people = usePeople();
  const save = useMutation({
    mutationFn: async (body: InterventionCreate) => {
      if (!interventionId) return interventionsApi.create(body);
      const { treeId: _tree, ...patch } = body;
      return interventionsApi.edit(interventionId, patch);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: interventionKeys.all() });
      navigate(paths.intervention(saved.id));
    },
    onError: (error) => setErrors(placeInterventionProblem(toProblem(error)).errors),
  });
  const refusal = save.error ? placeInterventionProblem(toProblem(save.error)).rest : null;

  const set = <K extends keyof InterventionFormFields>(
    key: K,
    value: InterventionFormFields[K],
  ) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };
  const nodes = tree.data?.nodes ?? [];
  const target = nodes.find((n) => n.id === fields.targetNodeId);
  const unit = (target ? catalog.get(target.metricKey)?.unit : undefined) as MetricUnit | undefined;
  const dimension = dimensions.data?.find((d) => d.dimension === fields.treatedDimension);
  const invalid = (key: keyof InterventionFormFields) => ({
    id: `intervention-${key}`,
    'aria-invalid': errors[key] ? ('true' as const) : undefined,
    'aria-describedby': errors[key] ? `intervention-${key}-error` : undefined,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const made = interventionBody(fields);
    if (made.ok) save.mutate(made.body);
    else {
      setErrors(made.errors);
      const first = Object.keys(made.errors)[0];
      document.getElementById(`intervention-${first}`)?.focus();
    }
  };
  const back = interventionId ? paths.intervention(interventionId) : paths.interventions();
  return (
    <section className="alerts-screen" aria-labelledby="intervention-form-title">
      <Link href={back} className="back-link">
        <ArrowLeft aria-hidden size={14} />{' '}
        {interventionId ? 'Back to the intervention' : 'All interventions'}
      </Link>
      <header className="alerts-screen__head">
        <div>
          <h1 id="intervention-form-title">
            {interventionId ? 'Edit intervention' : 'Log an intervention'}
          </h1>
          <p className="alerts-screen__sub">
            Treeline checks every week whether the node moved by at least the change you name, for
            the treated scope against the comparison (or against its own earlier trend).
          </p>
        </div>
        <ViewOnlyNote />
      </header>
      <EditGuard>
        <form className="intervention-form" onSubmit={submit} noValidate aria-label="Intervention">
          <div className="intervention-form__grid">
            <FormField label="Title" htmlFor="intervention-title" error={errors.title}>
              <input
                className="input"
                {...invalid('title')}
                value={fields.title}
                onChange={(e) => set('title', e.target.value)}
                placeholder="Tightened call cadence"
              />
            </FormField>
            <FormField label="Owner" htmlFor="intervention-ownerId" error={errors.ownerId}>
              <select
                className="input"
                {...invalid('ownerId')}
                value={fields.ownerId}
                onChange={(e) => set('ownerId', e.target.value)}
              >
                <option value="">Choose a person</option>
                {people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField
              label="What changed"
              htmlFor="intervention-description"
              error={errors.description}
              hint="Optional: what the team does differently, and why"
            >
              <textarea
                className="input input--area"
                {...invalid('description')}
                value={fields.description}
                onChange={(e) => set('description', e.target.value)}
              />
            </FormField>
            <div className="intervention-form__pair">
              <FormField label="Start date" htmlFor="intervention-startsOn" error={errors.startsOn}>
                <input
                  type="date"
                  className="input"
                  {...invalid('startsOn')}
                  value={fields.startsOn}
                  onChange={(e) => set('startsOn', e.target.value)}
                />
              </FormField>
              <FormField
                label="End date"
                htmlFor="intervention-endsOn"
                error={errors.endsOn}
                hint="Optional; leave empty while it runs"
              >
                <input
                  type="date"
                  className="input"
                  {...invalid('endsOn')}
                  value={fields.endsOn}
                  onChange={(e) => set('endsOn', e.target.value)}
                />
              </FormField>
            </div>
            <FormField label="Tree" htmlFor="intervention-treeId" error={errors.treeId}>
              <select
                className="input"
                {...invalid('treeId')}
                value={fields.treeId}
                disabled={!!interventionId}
                onChange={(e) => {
                  set('treeId', e.target.value);
                  set('targetNodeId', '');
                  set('outcomeNodeIds', []);
                }}
              >
                <option value="">Choose a tree</option>
                {(trees.data ?? []).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField
              label="Target node"
              htmlFor="intervention-targetNodeId"
              error={errors.targetNodeId}
              hint="The number this change should move"
            >
              <select
                className="input"
                {...invalid('targetNodeId')}
                value={fields.targetNodeId}
                disabled={!fields.treeId}
                onChange={(e) => set('targetNodeId', e.target.value)}
              >
                <option value="">{fields.treeId ? 'Choose a node' : 'Choose a tree first'}</option>
                {nodes.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.label || catalog.get(n.metricKey)?.name || n.metricKey}
                  </option>
                ))}
              </select>
            </FormField>
            <div className="intervention-form__pair">
              <FormField
                label="Expected direction"
                htmlFor="intervention-expectedDirection"
                error={errors.expectedDirection}
              >
                <select
                  className="input"
                  {...invalid('expectedDirection')}
                  value={fields.expectedDirection}
                  onChange={(e) => set('expectedDirection', e.target.value as 'up' | 'down')}
                >
                  <option value="up">Up</option>
                  <option value="down">Down</option>
                </select>
              </FormField>
              <FormField
                label={`Smallest change worth having${unit ? ` (${unit === 'percent' ? 'as a fraction, 0.01 = 1 pp' : unit})` : ''}`}
                htmlFor="intervention-mde"
                error={errors.mde}
                hint={
                  unit && Number(fields.mde) > 0
                    ? `A change of ${formatMetricValue(Number(fields.mde), unit)} a week; smaller ones count as no effect`
                    : 'In the target node’s unit, per week'
                }
              >
                <input
                  className="input"
                  inputMode="decimal"
                  {...invalid('mde')}
                  value={fields.mde}
                  onChange={(e) => set('mde', e.target.value)}
                  placeholder="0.1"
                />
              </FormField>
            </div>
            <FormField
              label="Scope by"
              htmlFor="intervention-treatedDimension"
              error={undefined}
              hint="The treated and comparison scopes are values of one dimension"
            >
              <select
                className="input"
                id="intervention-treatedDimension"
                value={fields.treatedDimension}
                onChange={(e) => {
                  set('treatedDimension', e.target.value as ScopeDimension);
                  set('treatedValues', []);
                  set('comparisonValues', []);
                }}
              >
                {Object.entries(DIMENSION_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </FormField>
            <FormField label="Compare with" htmlFor="intervention-comparison" error={undefined}>
              <select
                className="input"
                id="intervention-comparison"
                value={fields.comparison}
                onChange={(e) =>
                  set('comparison', e.target.value as InterventionFormFields['comparison'])
                }
              >
                <option value="others">
                  Every other {DIMENSION_LABELS[fields.treatedDimension].toLowerCase()} value
                </option>
                <option value="chosen">Chosen values</option>
                <option value="none">Nothing: its own earlier trend</option>
              </select>
            </FormField>
            <ScopeValuesPicker
              id="intervention-treatedValues"
              legend="Treated scope"
              dimension={dimension}
              chosen={fields.treatedValues}
              disabled={fields.comparison === 'chosen' ? fields.comparisonValues : []}
              onChange={(values) => set('treatedValues', values)}
              error={errors.treatedValues}
            />
            {fields.comparison === 'chosen' ? (
              <ScopeValuesPicker
                id="intervention-comparisonValues"
                legend="Comparison scope"
                dimension={dimension}
                chosen={fields.comparisonValues}
                disabled={fields.treatedValues}
                onChange={(values) => set('comparisonValues', values)}
                error={errors.comparisonValues}
              />
            ) : errors.comparisonValues ? (
              <p className="field__error">{errors.comparisonValues}</p>
            ) : null}
            <fieldset
              className={`field scope-picker${errors.outcomeNodeIds ? ' field--invalid' : ''}`}
            >
              <legend className="field__label">Downstream outcomes to check too</legend>
              {nodes.length <= 1 ? (
                <p className="field__hint">
                  Choose a tree with more than one node to check outcomes.
                </p>
              ) : (
                <div className="scope-picker__values">
                  {nodes
                    .filter((n) => n.id !== fields.targetNodeId)
                    .map((n) => (
                      <label key={n.id} className="check">
                        <input
                          type="checkbox"
                          checked={fields.outcomeNodeIds.includes(n.id)}
                          onChange={(e) =>
                            set(
                              'outcomeNodeIds',
                              e.target.checked
                                ? [...fields.outcomeNodeIds, n.id]
                                : fields.outcomeNodeIds.filter((id) => id !== n.id),
                            )
                          }
                        />
                        {n.label || catalog.get(n.metricKey)?.name || n.metricKey}
                      </label>
                    ))}
                </div>
              )}
              {errors.outcomeNodeIds ? (
                <p className="field__error">{errors.outcomeNodeIds}</p>
              ) : null}
            </fieldset>
          </div>
          <FormProblem problem={refusal} />
          <div className="intervention-form__actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : interventionId ? 'Save changes' : 'Log intervention'}
            </button>
            <Link href={back} className="button">
              Cancel
            </Link>
          </div>
        </form>
      </EditGuard>
    </section>
  );
}
