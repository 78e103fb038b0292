// Tests for a draft's issues against a catalog: validation's, plus the nodes the planner refuses.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../metrics/built-in-metrics';
import type { MetricSpec } from '../metrics/metric-definition';
import { treeDraft as draft, draftNode } from './tree-draft.test-helpers';
import { treeDraftIssues } from './tree-draft-issues';

const catalog = new Map<string, MetricSpec>(BUILT_IN_METRICS.map((m) => [m.key, m]));

const node = (id: string, metricKey: string, filter: Record<string, string> = {}) =>
  draftNode(id, metricKey, { label: `Node ${id}`, filter });

describe('treeDraftIssues', () => {
  it('adds a node whose filter its metric cannot take, naming node and reason', () => {
    const issues = treeDraftIssues(
      draft([node('a', 'contacts_total', { channel: 'call' }), node('b', 'activities_total')]),
      catalog,
    );
    expect(issues).toEqual([
      {
        code: 'unknown_dimension',
        message: expect.stringMatching(
          /^'Node a' cannot be evaluated: metric contacts_total: dimension "channel" does not apply to contacts/,
        ),
        nodeId: 'a',
      },
    ]);
  });

  it('leaves a node with an unknown metric to validation alone (one issue, not two)', () => {
    const issues = treeDraftIssues(draft([node('a', 'nope')]), catalog);
    expect(issues.map((issue) => issue.nodeId)).toEqual(['a']);
    expect(issues.every((issue) => !issue.message.includes('cannot be evaluated'))).toBe(true);
  });

  it('checks against the catalog it is given, not the built-in one', () => {
    const edited = new Map(catalog);
    edited.set('activities_total', {
      ...catalog.get('activities_total')!,
      definition: { type: 'count', source: 'deals' },
    });
    const issues = treeDraftIssues(
      draft([node('a', 'activities_total', { channel: 'call' })]),
      edited,
    );
    expect(issues.map((issue) => issue.code)).toEqual(['unknown_dimension']);
  });
});
