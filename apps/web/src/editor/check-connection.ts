/**
 * Whether a child may be linked under a parent with a relation, before the edge is drawn:
 * core's validateTree is run on the draft with and without the edge, and what the edge
 * breaks is the reason it is refused. Decompositions that are only incomplete (a ratio with
 * its numerator but no denominator yet, a product or formula still missing children) are
 * allowed, with a note on what is still missing.
 */
import {
  formulaReferences,
  parseFormula,
  type TreeDraft,
  type TreeDraftEdge,
  type TreeIssue,
  type TreeMetricCatalog,
  validateTree,
} from '@treeline/core';
import type { RelationChoice } from './relation-choices';

export type ConnectionCheck = { ok: true; pending: string | null } | { ok: false; reason: string };

const CANDIDATE_ID = '__candidate__';

const issueKey = (issue: TreeIssue) => `${issue.code}\u0000${issue.message}`;

/** The issues of a draft that a connection check compares against (owners do not matter). */
export function connectionBaseline(draft: TreeDraft, catalog: TreeMetricCatalog): Set<string> {
  return new Set(validateTree(draft, catalog, { requireAccountable: false }).map(issueKey));
}

/**
 * @example
 * checkConnection(draft, catalog, 'root', 'calls', { relation: 'sum', role: null, exponent: 1 });
 * // { ok: false, reason: "'Calls' is in count but 'Root' is in ratio; the children of a sum share their parent's unit" }
 */
export function checkConnection(
  draft: TreeDraft,
  catalog: TreeMetricCatalog,
  parentId: string,
  childId: string,
  choice: RelationChoice,
  baseline: Set<string> = connectionBaseline(draft, catalog),
): ConnectionCheck {
  const parent = draft.nodes.find((node) => node.id === parentId);
  const child = draft.nodes.find((node) => node.id === childId);
  if (!parent || !child) return { ok: false, reason: 'one of the two nodes is no longer there' };
  if (parentId === childId) return { ok: false, reason: 'a node cannot explain itself' };
  const existing = draft.edges.find(
    (edge) =>
      (edge.parent === parentId && edge.child === childId) ||
      (edge.parent === childId && edge.child === parentId),
  );
  if (existing) {
    const [from, to] = existing.parent === parentId ? [parent, child] : [child, parent];
    return {
      ok: false,
      reason: `'${from.label}' → '${to.label}' are already linked; delete that link first to change it`,
    };
  }

  const edge: TreeDraftEdge = { id: CANDIDATE_ID, parent: parentId, child: childId, ...choice };
  const candidate: TreeDraft = { ...draft, edges: [...draft.edges, edge] };
  const added = validateTree(candidate, catalog, { requireAccountable: false }).filter(
    (issue) => !baseline.has(issueKey(issue)),
  );
  const cycle = added.find((issue) => issue.code === 'cycle');
  if (cycle) return { ok: false, reason: cycle.message };
  const blocking = added.filter((issue) => issue.code !== 'relation_mismatch');
  if (blocking[0]) return { ok: false, reason: blocking[0].message };

  const group = candidate.edges.filter(
    (e) => e.parent === parentId && e.relation === choice.relation,
  );
  const mismatch = added[0];
  switch (choice.relation) {
    case 'ratio': {
      const numerators = group.filter((e) => e.role === 'numerator').length;
      const denominators = group.filter((e) => e.role === 'denominator').length;
      if (numerators > 1 || denominators > 1) {
        return {
          ok: false,
          reason: `'${parent.label}' already has a ${choice.role}; a ratio has exactly one numerator and one denominator`,
        };
      }
      if (numerators === 1 && denominators === 1) {
        return mismatch ? { ok: false, reason: mismatch.message } : { ok: true, pending: null };
      }
      return {
        ok: true,
        pending: `'${parent.label}' still needs a ${numerators === 0 ? 'numerator' : 'denominator'}`,
      };
    }
    case 'product':
      return mismatch
        ? { ok: true, pending: `the children of '${parent.label}' do not multiply to it yet` }
        : { ok: true, pending: null };
    case 'formula': {
      const reason = formulaInputProblem(candidate, catalog, parentId, childId);
      if (reason) return { ok: false, reason };
      return mismatch
        ? { ok: true, pending: `the formula of '${parent.label}' still misses inputs` }
        : { ok: true, pending: null };
    }
    default:
      return mismatch ? { ok: false, reason: mismatch.message } : { ok: true, pending: null };
  }
}

/** Why the child cannot be an input of the parent's formula, or null when it can. */
function formulaInputProblem(
  draft: TreeDraft,
  catalog: TreeMetricCatalog,
  parentId: string,
  childId: string,
): string | null {
  const parent = draft.nodes.find((node) => node.id === parentId)!;
  const child = draft.nodes.find((node) => node.id === childId)!;
  const metric = catalog.get(parent.metricKey);
  if (!metric || !catalog.has(child.metricKey)) return null;
  if (metric.definition.type !== 'formula') {
    return `formula edges need a parent whose metric is a formula; ${metric.name} is a ${metric.definition.type}`;
  }
  let references: string[];
  try {
    references = formulaReferences(parseFormula(metric.definition.expression));
  } catch {
    return null;
  }
  if (!references.includes(child.metricKey)) {
    return `'${child.label}' (${child.metricKey}) is not an input of the formula ${metric.definition.expression}`;
  }
  const twin = draft.edges.find(
    (e) =>
      e.parent === parentId &&
      e.relation === 'formula' &&
      e.child !== childId &&
      draft.nodes.find((n) => n.id === e.child)?.metricKey === child.metricKey,
  );
  if (twin) return `another child of '${parent.label}' already provides ${child.metricKey}`;
  return null;
}
