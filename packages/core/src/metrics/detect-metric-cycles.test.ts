// Tests for metric reference checks: unknown keys, cycle paths and the evaluation order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectMetricCycles } from './detect-metric-cycles';

describe('detectMetricCycles', () => {
  it('reports a cycle path and unknown references', () => {
    expect(detectMetricCycles({ a: ['b'], b: ['c'], c: ['a', 'x'] })).toEqual({
      unknownReferences: [{ metric: 'c', reference: 'x' }],
      cycles: [['a', 'b', 'c', 'a']],
      order: null,
    });
  });

  it('reports self-references and one shortest cycle per tangled group', () => {
    const report = detectMetricCycles({
      total: ['calls', 'rate'],
      calls: ['calls'],
      rate: ['share', 'total'],
      share: ['rate'],
      ok: [],
    });
    expect(report.cycles).toEqual([
      ['total', 'rate', 'total'],
      ['calls', 'calls'],
    ]);
    expect(report.unknownReferences).toEqual([]);
  });

  it('gives a dependencies-first order when acyclic', () => {
    const report = detectMetricCycles({
      activity_per_contact: ['activities_total', 'active_contacts'],
      activities_total: ['calls', 'emails'],
      calls: [],
      emails: [],
      active_contacts: [],
    });
    expect(report.cycles).toEqual([]);
    expect(report.order).toEqual([
      'calls',
      'emails',
      'activities_total',
      'active_contacts',
      'activity_per_contact',
    ]);
  });

  it('handles long chains without recursion limits', () => {
    const definitions: Record<string, string[]> = {};
    for (let index = 0; index < 20_000; index++) definitions[`m${index}`] = [`m${index + 1}`];
    definitions.m20000 = ['m0'];
    const report = detectMetricCycles(definitions);
    expect(report.cycles).toHaveLength(1);
    expect(report.cycles[0]).toHaveLength(20_002);
  });

  it('finds a cycle exactly when no valid order exists; every cycle follows real references', () => {
    const graphArb = fc.integer({ min: 1, max: 8 }).chain((size) =>
      fc.array(fc.array(fc.integer({ min: 0, max: size }), { maxLength: 3 }), {
        minLength: size,
        maxLength: size,
      }),
    );
    fc.assert(
      fc.property(graphArb, (adjacency) => {
        const definitions = Object.fromEntries(
          adjacency.map((targets, index) => [`k${index}`, targets.map((target) => `k${target}`)]),
        );
        const report = detectMetricCycles(definitions);
        // k{size} is never defined: every reference to it is unknown.
        const unknown = adjacency.flatMap((targets, index) =>
          [...new Set(targets)].filter((t) => t === adjacency.length).map(() => `k${index}`),
        );
        expect(report.unknownReferences.map((r) => r.metric)).toEqual(unknown);
        for (const cycle of report.cycles) {
          expect(cycle[0]).toBe(cycle[cycle.length - 1]);
          cycle.slice(1).forEach((to, index) => {
            expect(definitions[cycle[index]!]).toContain(to);
          });
        }
        if (report.order) {
          expect(report.cycles).toEqual([]);
          const seen = new Set<string>();
          for (const key of report.order) {
            for (const ref of definitions[key]!) {
              if (ref in definitions) expect(seen.has(ref)).toBe(true);
            }
            seen.add(key);
          }
          expect(report.order).toHaveLength(adjacency.length);
        } else {
          expect(report.cycles.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
