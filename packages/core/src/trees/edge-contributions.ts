/**
 * Each edge's share of its parent's change between two periods, by the relation on the
 * parent's edges (attributeChange): sum → the child's change; product → LMDI (Shapley at
 * values ≤ 0); ratio → numerator and denominator effects; segments → Kitagawa rate + mix,
 * with each child's denominator as its segment size; formula → Shapley over the parent's
 * formula, children matched by metric key. null where the data do not allow it (a value
 * missing, a zero divisor, children that do not fit the relation) and for driver links,
 * which are not arithmetic.
 */
import { attributeChange, type ChangeInput } from '../attribution/attribute-change';
import type { SegmentValue } from '../attribution/attribute-kitagawa';
import { isDomainError } from '../domain-error';
import { parseFormula } from '../formula/parse-formula';
import type { LoadedEdge, LoadedTree } from './loaded-tree';
import type { NodeSeries } from './node-series';
import { treeEdgeGroups } from './tree-edge-groups';

/**
 * Contributions by edge id between the periods `before` and `after` (indices into the
 * series); where attribution holds, a parent's contributions add up to its change.
 *
 * @example edgeContributions(tree, seriesByNode, comparisonIndex, periods.length - 1).get(edge.id)
 */
export function edgeContributions(
  tree: Pick<LoadedTree, 'edges' | 'nodes'>,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  before: number,
  after: number,
): Map<string, number | null> {
  const contributions = new Map<string, number | null>();
  const at = (nodeId: string, period: number) => seriesByNode.get(nodeId)?.values[period] ?? null;
  for (const edges of treeEdgeGroups(tree.edges)) {
    const relation = edges[0]!.relation;
    if (relation === 'driver') continue;
    if (relation === 'sum') {
      // A child's change is its contribution, even where the children do not add up to the
      // parent (the gap shows as the residual "other").
      for (const edge of edges) {
        const from = at(edge.childNodeId, before);
        const to = at(edge.childNodeId, after);
        contributions.set(edge.id, from === null || to === null ? null : to - from);
      }
      continue;
    }
    const input = changeInput(relation, edges, tree, seriesByNode, before, after);
    if (!input) continue;
    try {
      const attribution = attributeChange(input.change);
      for (const edge of edges) {
        contributions.set(edge.id, attribution.contributions[input.keyOf(edge)] ?? null);
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  return contributions;
}

/** What attributeChange needs for one decomposition, or null where the data do not fit it. */
function changeInput(
  relation: Exclude<LoadedEdge['relation'], 'sum' | 'driver'>,
  edges: LoadedEdge[],
  tree: Pick<LoadedTree, 'nodes'>,
  seriesByNode: ReadonlyMap<string, NodeSeries>,
  beforeIndex: number,
  afterIndex: number,
): { change: ChangeInput; keyOf: (edge: LoadedEdge) => string } | null {
  const valuesAt = (period: number, keyOf: (edge: LoadedEdge) => string) => {
    const values: Record<string, number> = {};
    for (const edge of edges) {
      const value = seriesByNode.get(edge.childNodeId)?.values[period] ?? null;
      if (value === null) return null;
      values[keyOf(edge)] = value;
    }
    return values;
  };
  const byEdge = (edge: LoadedEdge) => edge.id;
  switch (relation) {
    case 'product': {
      const before = valuesAt(beforeIndex, byEdge);
      const after = valuesAt(afterIndex, byEdge);
      if (!before || !after) return null;
      const exponents = Object.fromEntries(
        edges.map((edge) => [edge.id, edge.exponent === -1 ? -1 : 1] as const),
      );
      return { change: { relation, before, after, exponents }, keyOf: byEdge };
    }
    case 'ratio': {
      const numerator = edges.filter((edge) => edge.role === 'numerator');
      const denominator = edges.filter((edge) => edge.role === 'denominator');
      if (numerator.length !== 1 || denominator.length !== 1 || edges.length !== 2) return null;
      const before = valuesAt(beforeIndex, byEdge);
      const after = valuesAt(afterIndex, byEdge);
      if (!before || !after) return null;
      return {
        change: {
          relation,
          numerator: numerator[0]!.id,
          denominator: denominator[0]!.id,
          before,
          after,
        },
        keyOf: byEdge,
      };
    }
    case 'segments': {
      const segmentsAt = (period: number) => {
        const segments: Record<string, SegmentValue> = {};
        for (const edge of edges) {
          const series = seriesByNode.get(edge.childNodeId);
          const n = series?.denominators?.[period] ?? null;
          if (n === null) return null;
          segments[edge.id] = { n, rate: series?.values[period] ?? null };
        }
        return segments;
      };
      const before = segmentsAt(beforeIndex);
      const after = segmentsAt(afterIndex);
      if (!before || !after) return null;
      return { change: { relation, before, after }, keyOf: byEdge };
    }
    case 'formula': {
      const parent = tree.nodes.find((node) => node.id === edges[0]!.parentNodeId);
      const definition = parent?.metric.definition;
      if (definition?.type !== 'formula') return null;
      const metricKeyOf = (edge: LoadedEdge) =>
        tree.nodes.find((node) => node.id === edge.childNodeId)?.metric.key ?? edge.id;
      if (new Set(edges.map(metricKeyOf)).size !== edges.length) return null;
      let formula: ReturnType<typeof parseFormula>;
      try {
        formula = parseFormula(definition.expression);
      } catch {
        return null;
      }
      const before = valuesAt(beforeIndex, metricKeyOf);
      const after = valuesAt(afterIndex, metricKeyOf);
      if (!before || !after) return null;
      return { change: { relation, before, after, formula }, keyOf: metricKeyOf };
    }
  }
}
