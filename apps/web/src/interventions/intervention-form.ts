/**
 * The intervention form's fields as typed, the body they make for the API, what can be
 * checked before sending, and where a refusal from the API (problem+json: a validation
 * problem's `errors`, a domain problem's `field`, or "field: why" in its detail) belongs.
 */
import type { Intervention, InterventionCreate, Problem, TreatedScope } from '@treeline/core';

export type ScopeDimension = TreatedScope['dimension'];

export interface InterventionFormFields {
  title: string;
  description: string;
  ownerId: string;
  startsOn: string;
  endsOn: string;
  treeId: string;
  targetNodeId: string;
  expectedDirection: 'up' | 'down';
  mde: string;
  treatedDimension: ScopeDimension;
  treatedValues: string[];
  /** none: against its own earlier trend; others: every other value; chosen: the values picked. */
  comparison: 'none' | 'others' | 'chosen';
  comparisonValues: string[];
  outcomeNodeIds: string[];
}

export type InterventionFormField = keyof InterventionFormFields;
export type InterventionFormErrors = Partial<Record<InterventionFormField, string>>;

export function emptyInterventionForm(today: string): InterventionFormFields {
  return {
    title: '',
    description: '',
    ownerId: '',
    startsOn: today,
    endsOn: '',
    treeId: '',
    targetNodeId: '',
    expectedDirection: 'up',
    mde: '',
    treatedDimension: 'team',
    treatedValues: [],
    comparison: 'others',
    comparisonValues: [],
    outcomeNodeIds: [],
  };
}

/** The form filled with an intervention as logged, for editing. */
export function interventionFormOf(i: Intervention): InterventionFormFields {
  return {
    title: i.title,
    description: i.description,
    ownerId: i.ownerId,
    startsOn: i.startsOn,
    endsOn: i.endsOn ?? '',
    treeId: i.treeId,
    targetNodeId: i.target.nodeId,
    expectedDirection: i.expectedDirection,
    mde: String(i.mde),
    treatedDimension: i.treatedScope.dimension,
    treatedValues: i.treatedScope.values,
    comparison: !i.comparisonScope ? 'none' : i.comparisonScope.values ? 'chosen' : 'others',
    comparisonValues: i.comparisonScope?.values ?? [],
    outcomeNodeIds: i.outcomes.map((o) => o.nodeId),
  };
}

/**
 * The body to send, or the fields that are wrong before anything is sent.
 *
 * @example interventionBody({ ...fields, title: '' }) // { ok: false, errors: { title: 'Give it a title' } }
 */
export function interventionBody(
  f: InterventionFormFields,
): { ok: true; body: InterventionCreate } | { ok: false; errors: InterventionFormErrors } {
  const errors: InterventionFormErrors = {};
  if (!f.title.trim()) errors.title = 'Give it a title, e.g. "Tightened call cadence"';
  if (!f.ownerId) errors.ownerId = 'Choose who owns it';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.startsOn)) errors.startsOn = 'Choose the day it started';
  if (f.endsOn && f.endsOn < f.startsOn) errors.endsOn = 'The end is before the start';
  if (!f.treeId) errors.treeId = 'Choose the tree of the node it should move';
  if (!f.targetNodeId) errors.targetNodeId = 'Choose the node it should move';
  const mde = Number(f.mde.trim());
  if (!f.mde.trim() || !Number.isFinite(mde) || mde <= 0)
    errors.mde = 'The smallest change worth having, a number above 0 in the node’s unit';
  if (f.treatedValues.length === 0) errors.treatedValues = 'Pick at least one treated value';
  if (f.comparison === 'chosen' && f.comparisonValues.length === 0)
    errors.comparisonValues = 'Pick the values to compare with, or compare with every other value';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: {
      treeId: f.treeId,
      targetNodeId: f.targetNodeId,
      title: f.title.trim(),
      description: f.description.trim(),
      ownerId: f.ownerId,
      startsOn: f.startsOn,
      endsOn: f.endsOn || null,
      expectedDirection: f.expectedDirection,
      mde,
      treatedScope: { dimension: f.treatedDimension, values: f.treatedValues },
      comparisonScope:
        f.comparison === 'none'
          ? null
          : {
              dimension: f.treatedDimension,
              values: f.comparison === 'chosen' ? f.comparisonValues : null,
            },
      outcomeNodeIds: f.outcomeNodeIds.filter((id) => id !== f.targetNodeId),
    },
  };
}

const API_FIELDS: Record<string, InterventionFormField> = {
  title: 'title',
  description: 'description',
  ownerId: 'ownerId',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
  treeId: 'treeId',
  targetNodeId: 'targetNodeId',
  expectedDirection: 'expectedDirection',
  mde: 'mde',
  treatedScope: 'treatedValues',
  comparisonScope: 'comparisonValues',
  outcomeNodeIds: 'outcomeNodeIds',
};

function fieldOf(path: string): InterventionFormField | null {
  return API_FIELDS[path.split('.')[0] ?? ''] ?? null;
}

/**
 * Which field each part of a refusal belongs to; what no field owns stays in `rest`.
 *
 * @example placeInterventionProblem({ ..., detail: "comparisonScope.values: 'Team B' is treated" })
 * // { errors: { comparisonValues: "'Team B' is treated" }, rest: null }
 */
export function placeInterventionProblem(problem: Problem): {
  errors: InterventionFormErrors;
  rest: Problem | null;
} {
  const errors: InterventionFormErrors = {};
  const parts: { path: string; message: string }[] = problem.errors?.length
    ? problem.errors
    : problem.detail
        .split('; ')
        .map((part) => {
          const at = part.indexOf(': ');
          return at > 0 ? { path: part.slice(0, at), message: part.slice(at + 2) } : null;
        })
        .filter((p): p is { path: string; message: string } => p !== null);
  let unplaced = parts.length === 0;
  for (const part of parts) {
    const field = fieldOf(part.path);
    if (field) errors[field] ??= part.message;
    else unplaced = true;
  }
  return { errors, rest: unplaced ? problem : null };
}
