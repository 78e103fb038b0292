// A metric written as a product of powers of row-level aggregates, to prove that tree arithmetic holds.

import type { FormulaNode } from '../formula/formula-ast';
import { parseFormula } from '../formula/parse-formula';
import type { DimensionFilter, MetricDefinition } from './metric-definition';

/**
 * coefficient × Π atom^power, where an atom is one aggregate of rows (a count, a sum, a
 * distinct count, a cohort…) with its filter, keyed canonically so that two metrics that
 * count the same rows share an atom.
 */
export interface MetricFactors {
  coefficient: number;
  powers: ReadonlyMap<string, number>;
}

/** Metric definitions by key (a MetricSpec map, or the engine's catalog). */
export type DefinitionCatalog = ReadonlyMap<string, { definition: MetricDefinition }>;

/**
 * The metric `metricKey` under `filter` as a product of powers of aggregates, following
 * ratios (with the dimensions their denominators ignore) and formulas made only of `×`, `÷`,
 * numbers and metric keys. null when that is not possible: an unknown key, a cycle, a sum or
 * difference in a formula.
 *
 * @example
 * const f = metricFactors(catalog, 'activity_per_contact', { channel: 'call' });
 * // activities (channel = call) ^ 1 × active contacts (all channels) ^ −1
 */
export function metricFactors(
  catalog: DefinitionCatalog,
  metricKey: string,
  filter: DimensionFilter,
): MetricFactors | null {
  return factorsOf(catalog, metricKey, filter, new Set());
}

/**
 * a × b^power: a product (power 1) or a quotient (power −1) of two factorisations.
 *
 * @example combineFactors(perRep, contactsPerRep, -1) // activity per contact
 */
export function combineFactors(a: MetricFactors, b: MetricFactors, power = 1): MetricFactors {
  const powers = new Map(a.powers);
  for (const [atom, p] of b.powers) {
    const next = (powers.get(atom) ?? 0) + p * power;
    if (next === 0) powers.delete(atom);
    else powers.set(atom, next);
  }
  return { coefficient: a.coefficient * b.coefficient ** power, powers };
}

/** The factorisation of the constant 1 (an empty product). */
export const UNIT_FACTORS: MetricFactors = { coefficient: 1, powers: new Map() };

/**
 * True when two factorisations are the same product (coefficients equal to 1e-12 relative).
 *
 * @example sameFactors(metricFactors(c, 'activity_per_rep', {})!, combineFactors(hoursPerRep, touchesPerHour)) // true
 */
export function sameFactors(a: MetricFactors, b: MetricFactors): boolean {
  const scale = Math.max(1, Math.abs(a.coefficient), Math.abs(b.coefficient));
  if (Math.abs(a.coefficient - b.coefficient) > 1e-12 * scale) return false;
  const atoms = new Set([...a.powers.keys(), ...b.powers.keys()]);
  for (const atom of atoms)
    if ((a.powers.get(atom) ?? 0) !== (b.powers.get(atom) ?? 0)) return false;
  return true;
}

/** The atoms with a positive power (what is counted) and with a negative one (what divides). */
export function splitFactors(factors: MetricFactors): {
  numerator: string[];
  denominator: string[];
} {
  const numerator: string[] = [];
  const denominator: string[] = [];
  for (const [atom, power] of factors.powers) (power > 0 ? numerator : denominator).push(atom);
  return { numerator: numerator.sort(), denominator: denominator.sort() };
}

function factorsOf(
  catalog: DefinitionCatalog,
  metricKey: string,
  filter: DimensionFilter,
  visiting: Set<string>,
): MetricFactors | null {
  const metric = catalog.get(metricKey);
  if (!metric || visiting.has(metricKey)) return null;
  visiting.add(metricKey);
  try {
    const definition = metric.definition;
    switch (definition.type) {
      case 'ratio': {
        const ignored = new Set(definition.denominatorIgnores ?? []);
        const denominatorFilter = Object.fromEntries(
          Object.entries(filter).filter(([dimension]) => !ignored.has(dimension)),
        );
        const numerator = factorsOf(catalog, definition.numerator, filter, visiting);
        const denominator = factorsOf(catalog, definition.denominator, denominatorFilter, visiting);
        return numerator && denominator ? combineFactors(numerator, denominator, -1) : null;
      }
      case 'formula': {
        let ast: FormulaNode;
        try {
          ast = parseFormula(definition.expression);
        } catch {
          return null;
        }
        return formulaFactors(ast, (key) => factorsOf(catalog, key, filter, visiting));
      }
      default:
        return { coefficient: 1, powers: new Map([[atomKey(definition, filter), 1]]) };
    }
  } finally {
    visiting.delete(metricKey);
  }
}

function formulaFactors(
  node: FormulaNode,
  metric: (key: string) => MetricFactors | null,
): MetricFactors | null {
  switch (node.type) {
    case 'number':
      return { coefficient: node.value, powers: new Map() };
    case 'metric':
      return metric(node.key);
    case 'negate': {
      const operand = formulaFactors(node.operand, metric);
      return operand && { ...operand, coefficient: -operand.coefficient };
    }
    case 'binary': {
      if (node.operator !== '*' && node.operator !== '/') return null;
      const left = formulaFactors(node.left, metric);
      const right = formulaFactors(node.right, metric);
      if (!left || !right) return null;
      if (node.operator === '/' && right.coefficient === 0) return null;
      return combineFactors(left, right, node.operator === '*' ? 1 : -1);
    }
  }
}

/** One aggregate of rows, keyed by what it counts: definition and filter, keys sorted. */
function atomKey(definition: MetricDefinition, filter: DimensionFilter): string {
  const own = 'filter' in definition && definition.filter ? definition.filter : {};
  return stableJson({ ...definition, filter: { ...own, ...filter } });
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
