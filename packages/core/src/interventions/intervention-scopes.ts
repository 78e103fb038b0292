// Treated and comparison scopes: the comparison must be a different group along the same
// dimension (a team against other teams), and how people read each scope.

import type { ComparisonScope, TreatedScope } from '../contract/interventions/intervention';
import { DomainError } from '../domain-error';
import { dimensionOptionLabel } from '../metrics/dimension-catalog';

const PLURAL: Record<string, string> = {
  team: 'teams',
  rep_segment: 'rep segments',
  segment: 'segments',
  rep: 'reps',
};

/**
 * Throws overlapping_scopes naming the field when the comparison names another dimension, or
 * a value the treated scope also has (equal or overlapping groups compare nothing).
 *
 * @example
 * checkInterventionScopes({ dimension: 'team', values: ['Team A'] }, { dimension: 'team', values: ['Team A'] });
 * // throws: comparisonScope.values: 'Team A' is in the treated scope too
 */
export function checkInterventionScopes(
  treated: TreatedScope,
  comparison: ComparisonScope | null,
): void {
  if (!comparison) return;
  if (comparison.dimension !== treated.dimension) {
    throw new DomainError(
      'overlapping_scopes',
      `comparisonScope.dimension: compare ${PLURAL[treated.dimension]} with other ${PLURAL[treated.dimension]} (got ${comparison.dimension}), so the two groups cannot overlap`,
      { field: 'comparisonScope.dimension' },
    );
  }
  const shared = (comparison.values ?? []).filter((value) => treated.values.includes(value));
  if (shared.length > 0) {
    throw new DomainError(
      'overlapping_scopes',
      `comparisonScope.values: ${shared.map((v) => `'${v}'`).join(', ')} ${shared.length === 1 ? 'is' : 'are'} in the treated scope too; the comparison must be a different group`,
      { field: 'comparisonScope.values', shared },
    );
  }
}

function valueLabel(dimension: string, value: string): string {
  return dimensionOptionLabel(dimension, value) ?? value;
}

/**
 * @example describeScope({ dimension: 'team', values: ['Team A'] }); // "Team A"
 * @example describeScope({ dimension: 'team', values: null }); // "the other teams"
 */
export function describeScope(
  scope: { dimension: string; values: readonly string[] | null },
  repNames: ReadonlyMap<string, string> = new Map(),
): string {
  if (scope.values === null) return `the other ${PLURAL[scope.dimension] ?? scope.dimension}`;
  const names = scope.values.map((v) =>
    scope.dimension === 'rep' ? (repNames.get(v) ?? `rep ${v}`) : valueLabel(scope.dimension, v),
  );
  if (names.length <= 3) return names.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return `${names.length} ${PLURAL[scope.dimension] ?? 'values'}`;
}
