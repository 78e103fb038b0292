import type { Problem } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import {
  emptyInterventionForm,
  interventionBody,
  placeInterventionProblem,
} from './intervention-form';

const filled = {
  ...emptyInterventionForm('2026-09-14'),
  title: ' Call blitz ',
  ownerId: '00000000-0000-4000-8000-000000000001',
  treeId: '00000000-0000-4000-8000-000000000002',
  targetNodeId: '00000000-0000-4000-8000-000000000003',
  mde: '0.1',
  treatedValues: ['Team A'],
};

describe('interventionBody', () => {
  it('makes the API body: every other value of the dimension as the comparison by default', () => {
    const made = interventionBody(filled);
    expect(made).toMatchObject({
      ok: true,
      body: {
        title: 'Call blitz',
        mde: 0.1,
        endsOn: null,
        treatedScope: { dimension: 'team', values: ['Team A'] },
        comparisonScope: { dimension: 'team', values: null },
      },
    });
  });

  it('names each missing or wrong field before sending', () => {
    const made = interventionBody({ ...filled, title: '', mde: '-1', endsOn: '2026-01-01' });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(Object.keys(made.errors).sort()).toEqual(['endsOn', 'mde', 'title']);
  });

  it('leaves the target out of the outcome nodes and no comparison when asked', () => {
    const made = interventionBody({
      ...filled,
      comparison: 'none',
      outcomeNodeIds: [filled.targetNodeId, 'n2'],
    });
    expect(made.ok && made.body.comparisonScope).toBe(null);
    expect(made.ok && made.body.outcomeNodeIds).toEqual(['n2']);
  });
});

describe('placeInterventionProblem', () => {
  const problem = (p: Partial<Problem>): Problem => ({
    type: 'about:blank',
    title: 'Invalid',
    status: 422,
    detail: '',
    ...p,
  });

  it("puts a domain refusal's 'field: why' next to its field", () => {
    const placed = placeInterventionProblem(
      problem({ detail: "comparisonScope.values: 'Team B' is in the treated scope too" }),
    );
    expect(placed).toEqual({
      errors: { comparisonValues: "'Team B' is in the treated scope too" },
      rest: null,
    });
  });

  it("places a validation problem's errors and keeps what no field owns", () => {
    const placed = placeInterventionProblem(
      problem({
        errors: [
          { path: 'mde', message: 'Too small: expected number to be >0' },
          { path: '', message: 'Something else' },
        ],
      }),
    );
    expect(placed.errors).toEqual({ mde: 'Too small: expected number to be >0' });
    expect(placed.rest?.status).toBe(422);
  });
});
