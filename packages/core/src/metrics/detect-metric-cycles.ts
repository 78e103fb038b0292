// Checks the references between metric definitions: unknown keys, cycles, and a safe evaluation order.

/** What detectMetricCycles found in a set of metric definitions. */
export interface MetricDependencyReport {
  /** References to keys that are not defined, in definition order. */
  unknownReferences: Array<{ metric: string; reference: string }>;
  /**
   * One cycle per strongly connected group of metrics, as a closed path starting and ending
   * at the group's first-defined metric, e.g. ['a', 'b', 'c', 'a'] (a self-reference is ['a', 'a']).
   */
  cycles: string[][];
  /** Keys in an order where every metric comes after the metrics it references; null when cyclic. */
  order: string[] | null;
}

/**
 * Given metric key → the keys its definition references (e.g. from formulaReferences, or the
 * numerator and denominator of a ratio), reports unknown references and cycles.
 *
 * @example
 * detectMetricCycles({ a: ['b'], b: ['c'], c: ['a', 'x'] });
 * // { unknownReferences: [{ metric: 'c', reference: 'x' }], cycles: [['a', 'b', 'c', 'a']], order: null }
 * detectMetricCycles({ total: ['calls', 'emails'], calls: [], emails: [] }).order;
 * // ['calls', 'emails', 'total']
 */
export function detectMetricCycles(
  definitions: Readonly<Record<string, readonly string[]>>,
): MetricDependencyReport {
  const keys = Object.keys(definitions);
  const known = new Set(keys);
  const unknownReferences: MetricDependencyReport['unknownReferences'] = [];
  const edges = new Map<string, string[]>();
  for (const metric of keys) {
    const targets: string[] = [];
    for (const reference of new Set(definitions[metric] ?? [])) {
      if (known.has(reference)) targets.push(reference);
      else unknownReferences.push({ metric, reference });
    }
    edges.set(metric, targets);
  }

  // Tarjan's strongly connected components, iteratively so deep chains cannot overflow the
  // stack. Components come out dependencies-first, which is the evaluation order.
  const indexOf = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  for (const root of keys) {
    if (indexOf.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    indexOf.set(root, counter);
    lowLink.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      const target = targets[frame.next];
      if (target !== undefined) {
        frame.next++;
        if (!indexOf.has(target)) {
          indexOf.set(target, counter);
          lowLink.set(target, counter);
          counter++;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, indexOf.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) {
        lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      }
      if (lowLink.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }

  const position = new Map(keys.map((key, index) => [key, index]));
  const cycles: string[][] = [];
  for (const component of components) {
    const first = [...component].sort((a, b) => position.get(a)! - position.get(b)!)[0]!;
    const cycle = shortestCycleThrough(first, new Set(component), edges);
    if (cycle) cycles.push(cycle);
  }
  cycles.sort((a, b) => position.get(a[0]!)! - position.get(b[0]!)!);

  return {
    unknownReferences,
    cycles,
    order: cycles.length === 0 ? components.map((component) => component[0]!) : null,
  };
}

/** Breadth-first search from `start` back to itself, staying inside its component. */
function shortestCycleThrough(
  start: string,
  component: ReadonlySet<string>,
  edges: ReadonlyMap<string, readonly string[]>,
): string[] | null {
  const cameFrom = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const target of edges.get(node) ?? []) {
      if (target === start) {
        const between: string[] = [];
        for (let step = node; step !== start; step = cameFrom.get(step)!) between.push(step);
        return [start, ...between.reverse(), start];
      }
      if (component.has(target) && !cameFrom.has(target) && target !== start) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return null;
}
