// Carries attribution down a tree: a grandchild's share of an ancestor's change is scaled by its parent's share.

/** A child's own attribution re-expressed in units of an ancestor's change. */
export interface ScaledContributions {
  contributions: Record<string, number>;
  /**
   * The part of the share the grandchildren cannot carry: non-zero only when the child's own
   * change is 0 yet it holds a share (e.g. a segment that moved the mix without changing).
   */
  unexplained: number;
}

/**
 * Scales a child's attribution so its children's contributions add up to the child's share of
 * the ancestor's change: grandchild g gets share × c_g / Δchild. Totals stay exact at every
 * level because Σ c_g = Δchild.
 *
 * @example
 * // The capacity branch explains +0.25 of the parent; inside it reps −0.22 and tph +0.47 (Δ +0.25).
 * scaleContributions(0.1, { change: 0.25, contributions: { reps: -0.22, tph: 0.47 } }).contributions;
 * // { reps: -0.088, tph: 0.188 }
 */
export function scaleContributions(
  share: number,
  child: { change: number; contributions: Readonly<Record<string, number>> },
): ScaledContributions {
  const contributions: Record<string, number> = {};
  const keys = Object.keys(child.contributions);
  if (child.change === 0) {
    for (const key of keys) contributions[key] = 0;
    return { contributions, unexplained: share };
  }
  const factor = share / child.change;
  for (const key of keys) contributions[key] = factor * child.contributions[key]!;
  return { contributions, unexplained: 0 };
}

/** An attribution with, for children that are themselves parents, their own attribution. */
export interface AttributionTree {
  change: number;
  contributions: Readonly<Record<string, number>>;
  /** The attribution of a child's own change, by child key. */
  children?: Readonly<Record<string, AttributionTree>>;
}

/** One node's share of the root's change. */
export interface RootContribution {
  /** Child keys from the root's child down to this node. */
  path: string[];
  contribution: number;
  /** The part of `contribution` this node's children cannot explain (see scaleContributions). */
  unexplained: number;
}

/**
 * Every descendant's contribution to the root's change, depth first; at every node the
 * children's contributions plus `unexplained` equal the node's own contribution.
 *
 * @example
 * contributionsToRoot({
 *   change: 3,
 *   contributions: { a: 2, b: 1 },
 *   children: { a: { change: 4, contributions: { x: 3, y: 1 } } },
 * });
 * // [ { path: ['a'], contribution: 2, unexplained: 0 },
 * //   { path: ['a', 'x'], contribution: 1.5, unexplained: 0 },
 * //   { path: ['a', 'y'], contribution: 0.5, unexplained: 0 },
 * //   { path: ['b'], contribution: 1, unexplained: 0 } ]
 */
export function contributionsToRoot(tree: AttributionTree): RootContribution[] {
  const result: RootContribution[] = [];
  const walk = (
    node: AttributionTree,
    shares: Readonly<Record<string, number>>,
    prefix: string[],
  ): void => {
    for (const [key, share] of Object.entries(shares)) {
      const path = [...prefix, key];
      const subtree = node.children?.[key];
      const entry: RootContribution = { path, contribution: share, unexplained: 0 };
      result.push(entry);
      if (subtree) {
        const scaled = scaleContributions(share, subtree);
        entry.unexplained = scaled.unexplained;
        walk(subtree, scaled.contributions, path);
      }
    }
  };
  walk(tree, tree.contributions, []);
  return result;
}
