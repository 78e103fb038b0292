// The web's calls answer what the client infers from each route (the contract's types),
// and a failed save's problem is read with the contract's schemas.

import type { OkBody, TreelineClient } from '@treeline/client';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Problem, type TreelineApi, treeConflictOf, treeIssuesOf } from './api';

type Api = TreelineClient['api'];
type Answer<Call extends (...args: never[]) => unknown> = Awaited<ReturnType<Call>>;
type Ok<Endpoint extends (...args: never[]) => unknown> = OkBody<Awaited<ReturnType<Endpoint>>>;

describe('the web api', () => {
  it('answers with the types the client infers from the routes', () => {
    expectTypeOf<Answer<TreelineApi['getTreeView']>>().toEqualTypeOf<
      Ok<Api['trees'][':id']['view']['$get']>
    >();
    expectTypeOf<Answer<TreelineApi['saveTree']>>().toEqualTypeOf<
      Ok<Api['trees'][':id']['$put']>
    >();
    expectTypeOf<Answer<TreelineApi['listMetrics']>>().toEqualTypeOf<
      Ok<Api['metrics']['$get']>['metrics']
    >();
    expectTypeOf<Answer<TreelineApi['getMetricSeries']>>().toEqualTypeOf<
      Ok<Api['metrics'][':key']['series']['$get']>
    >();
    expectTypeOf<Answer<TreelineApi['getWorkspace']>>().toEqualTypeOf<
      Ok<Api['workspace']['$get']>
    >();
  });

  const base = { type: 'about:blank', title: 'T', detail: '' };

  it('reads a stale save as a conflict, and nothing else', () => {
    const changes = {
      tree: ['name'],
      nodes: { added: [], removed: [], changed: [] },
      edges: { added: [], removed: [], changed: [] },
    };
    const stale: Problem = {
      ...base,
      status: 409,
      currentVersion: 4,
      yourVersion: 3,
      basis: 'since_your_version',
      changes,
    };
    expect(treeConflictOf(stale)).toMatchObject({ currentVersion: 4, changes });
    expect(treeConflictOf({ ...base, status: 409 })).toBeNull();
    expect(treeConflictOf({ ...stale, status: 422 })).toBeNull();
  });

  it("reads an invalid tree's issues, leaving out errors that are no issue", () => {
    const invalid: Problem = {
      ...base,
      status: 422,
      errors: [
        { path: 'nodes.0', code: 'no_accountable', message: 'Name one Accountable', nodeId: 'n1' },
        { path: 'name', message: 'Too long' },
      ],
    };
    expect(treeIssuesOf(invalid)).toEqual([
      { code: 'no_accountable', message: 'Name one Accountable', nodeId: 'n1' },
    ]);
    expect(treeIssuesOf({ ...invalid, status: 400 })).toEqual([]);
  });

  it("puts a refused body's field errors on the node of the saved draft they name", () => {
    const node = {
      id: 'n1',
      metricKey: 'emails_per_contact',
      label: 'Emails per contact',
      position: { x: 0, y: 0 },
      filter: {},
      band: null,
      raci: { accountable: ['p'], responsible: [], consulted: [], informed: [] },
    };
    const draft = {
      name: 't',
      description: '',
      motion: null,
      outboundWindowDays: 30,
      nodes: [node],
      edges: [],
    };
    const refused: Problem = {
      ...base,
      status: 400,
      errors: [
        {
          path: 'nodes.0.alertRule.minChangePct',
          message: 'Too big: expected number to be <=1000',
        },
        { path: 'nodes.7.label', message: 'Too long' },
        { path: 'name', message: 'Too long' },
      ],
    };
    expect(treeIssuesOf(refused, draft)).toEqual([
      {
        code: 'invalid_field',
        message:
          'Emails per contact: alertRule.minChangePct: Too big: expected number to be <=1000',
        nodeId: 'n1',
        field: 'alertRule.minChangePct',
      },
    ]);
  });
});
