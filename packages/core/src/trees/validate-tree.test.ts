// Tests for tree validation: structure, relation fit, bands and RACI, each naming its node or edge.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../metrics/built-in-metrics';
import type { MetricSpec } from '../metrics/metric-definition';
import type { TreeDraft } from './tree-draft';
import {
  treeDraft as draft,
  draftEdge as edge,
  draftNode as node,
} from './tree-draft.test-helpers';
import { validateTree } from './validate-tree';

const custom: MetricSpec[] = [
  {
    key: 'capacity_identity',
    name: 'Capacity identity',
    description: '',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: {
      type: 'formula',
      expression: 'reps_active * selling_hours_per_rep * touches_per_selling_hour',
    },
  },
  {
    key: 'calls_over_all_contacts',
    name: 'Calls ÷ contacts (total)',
    description: '',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'ratio', numerator: 'activities_total', denominator: 'contacts_total' },
  },
];
const catalog = new Map([...BUILT_IN_METRICS, ...custom].map((metric) => [metric.key, metric]));

const codes = (d: TreeDraft) => validateTree(d, catalog).map((issue) => issue.code);

describe('validateTree', () => {
  it('accepts a valid tree with a channel split and a ratio of the same parent', () => {
    const tree = draft(
      [
        node('root', 'activity_per_contact'),
        node('call', 'activity_per_contact', { filter: { channel: 'call' } }),
        node('email', 'activity_per_contact', { filter: { channel: 'email' } }),
        node('acts', 'activities_total'),
        node('contacts', 'active_contacts'),
      ],
      [
        edge('root', 'call', 'sum'),
        edge('root', 'email', 'sum'),
        edge('root', 'acts', 'ratio', { role: 'numerator' }),
        edge('root', 'contacts', 'ratio', { role: 'denominator' }),
      ],
    );
    expect(validateTree(tree, catalog)).toEqual([]);
  });

  it('names the path of a cycle', () => {
    const tree = draft(
      [
        node('a', 'activities_total', { label: 'A' }),
        node('b', 'activities_total', { label: 'B' }),
        node('c', 'activities_total', { label: 'C' }),
      ],
      [edge('a', 'b', 'driver'), edge('b', 'c', 'driver'), edge('c', 'a', 'driver')],
    );
    expect(validateTree(tree, catalog)).toEqual([
      {
        code: 'cycle',
        message:
          "edges form a cycle: 'A' → 'B' → 'C' → 'A'; a tree must not loop back, so remove one of these edges",
        nodeId: 'a',
        edgeId: 'c>a',
      },
    ]);
  });

  it('reports a self-loop as a cycle on its edge', () => {
    const issues = validateTree(
      draft([node('a', 'activities_total')], [edge('a', 'a', 'driver')]),
      catalog,
    );
    expect(issues).toMatchObject([{ code: 'cycle', edgeId: 'a>a', nodeId: 'a' }]);
  });

  it('reports edges to missing nodes, duplicate edges and duplicate ids', () => {
    const tree = draft(
      [node('a', 'activities_total'), node('b', 'activities_total'), node('b', 'active_contacts')],
      [
        edge('a', 'ghost', 'driver'),
        edge('a', 'b', 'driver'),
        { ...edge('a', 'b', 'driver'), id: 'again' },
        { ...edge('b', 'a', 'driver'), id: 'again' },
      ],
    );
    const issues = validateTree(tree, catalog);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'duplicate_node_id', nodeId: 'b' }),
      expect.objectContaining({
        code: 'missing_node',
        edgeId: 'a>ghost',
        message: expect.stringContaining("'ghost'"),
      }),
      expect.objectContaining({
        code: 'duplicate_edge',
        edgeId: 'again',
        message: expect.stringContaining("edge 'a>b'"),
      }),
      expect.objectContaining({ code: 'duplicate_edge_id', edgeId: 'again' }),
    ]);
  });

  it('reports unknown metrics on their node', () => {
    expect(validateTree(draft([node('x', 'nope')]), catalog)).toEqual([
      {
        code: 'unknown_metric',
        message:
          "node 'x' uses the metric 'nope', which is neither built in nor defined in this workspace",
        nodeId: 'x',
      },
    ]);
  });

  it('requires exactly one Accountable, and known people', () => {
    const tree = draft([
      node('none', 'activities_total', {
        raci: { accountable: [], responsible: [], consulted: [], informed: [] },
      }),
      node('two', 'activities_total', {
        raci: { accountable: ['ann', 'bob'], responsible: [], consulted: [], informed: [] },
      }),
      node('ghost', 'activities_total', {
        raci: { accountable: ['ann'], responsible: ['zed'], consulted: [], informed: [] },
      }),
    ]);
    const issues = validateTree(tree, catalog, { people: new Set(['ann', 'bob']) });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'missing_accountable', nodeId: 'none' }),
      expect.objectContaining({
        code: 'multiple_accountable',
        nodeId: 'two',
        message:
          "'two' has 2 Accountable owners; exactly one person is Accountable (make the others Responsible)",
      }),
      expect.objectContaining({
        code: 'unknown_person',
        nodeId: 'ghost',
        message: expect.stringContaining("'zed'"),
      }),
    ]);
    expect(validateTree(tree, catalog, { requireAccountable: false }).map((i) => i.code)).toEqual([
      'multiple_accountable',
    ]);
  });

  describe('relation fit', () => {
    it('a ratio needs exactly one numerator and one denominator', () => {
      const tree = draft(
        [
          node('root', 'activity_per_contact'),
          node('a', 'activities_total'),
          node('b', 'activities_total'),
        ],
        [
          edge('root', 'a', 'ratio', { role: 'numerator' }),
          edge('root', 'b', 'ratio', { role: 'numerator' }),
        ],
      );
      expect(validateTree(tree, catalog)).toEqual([
        expect.objectContaining({
          code: 'relation_mismatch',
          nodeId: 'root',
          message:
            "a ratio needs exactly one numerator and one denominator child; 'root' has 2 numerators and 0 denominators",
        }),
      ]);
    });

    it("a ratio's children must divide to the parent's metric", () => {
      const tree = draft(
        [
          node('root', 'activity_per_contact'),
          node('a', 'activities_total'),
          node('reps', 'reps_active'),
        ],
        [
          edge('root', 'a', 'ratio', { role: 'numerator' }),
          edge('root', 'reps', 'ratio', { role: 'denominator' }),
        ],
      );
      expect(validateTree(tree, catalog)).toEqual([
        expect.objectContaining({
          code: 'relation_mismatch',
          edgeId: 'root>a',
          message: expect.stringMatching(/^'a' ÷ 'reps' is not 'root'/),
        }),
      ]);
    });

    it('a ratio edge needs a role, and only ratio edges have one', () => {
      expect(
        codes(
          draft(
            [node('r', 'activity_per_contact'), node('a', 'activities_total')],
            [edge('r', 'a', 'ratio')],
          ),
        ),
      ).toEqual(['invalid_edge']);
      expect(
        codes(
          draft(
            [node('r', 'activities_total'), node('a', 'activities_total')],
            [edge('r', 'a', 'sum', { role: 'numerator' })],
          ),
        ),
      ).toEqual(['invalid_edge']);
      expect(
        codes(
          draft(
            [node('r', 'activities_total'), node('a', 'activities_total')],
            [edge('r', 'a', 'sum', { exponent: -1 })],
          ),
        ),
      ).toEqual(['invalid_edge']);
    });

    it("sum children share the parent's unit and its divisor", () => {
      const tree = draft(
        [
          node('root', 'activity_per_contact'),
          node('hours', 'selling_hours'),
          node('perRep', 'activity_per_rep', { filter: { channel: 'call' } }),
        ],
        [edge('root', 'hours', 'sum'), edge('root', 'perRep', 'sum')],
      );
      expect(validateTree(tree, catalog)).toEqual([
        expect.objectContaining({
          code: 'relation_mismatch',
          edgeId: 'root>hours',
          message:
            "'hours' is in hours but 'root' is in ratio; the children of a sum share their parent's unit",
        }),
        expect.objectContaining({
          code: 'relation_mismatch',
          edgeId: 'root>perRep',
          message: expect.stringContaining('divides by something other'),
        }),
      ]);
    });

    it('product children must multiply to the parent, exponents included', () => {
      const ok = draft(
        [
          node('acts', 'activity_per_rep'),
          node('hours', 'selling_hours_per_rep'),
          node('tph', 'touches_per_selling_hour'),
        ],
        [edge('acts', 'hours', 'product'), edge('acts', 'tph', 'product')],
      );
      expect(codes(ok)).toEqual([]);
      const wrongExponent = {
        ...ok,
        edges: [edge('acts', 'hours', 'product', { exponent: -1 }), edge('acts', 'tph', 'product')],
      };
      expect(validateTree(wrongExponent, catalog)).toEqual([
        expect.objectContaining({
          code: 'relation_mismatch',
          message: expect.stringMatching(/^'hours'\^−1 × 'tph' is not 'acts'/),
        }),
      ]);
    });

    it('segments need a ratio parent split by one dimension', () => {
      const segment = (id: string, filter: Record<string, string>, metricKey = 'win_rate') =>
        node(id, metricKey, { filter });
      expect(
        codes(
          draft(
            [node('root', 'win_rate'), segment('a', { team: 'A' }), segment('b', { team: 'B' })],
            [edge('root', 'a', 'segments'), edge('root', 'b', 'segments')],
          ),
        ),
      ).toEqual([]);
      expect(
        validateTree(
          draft(
            [node('root', 'deals_won'), segment('a', { team: 'A' }, 'deals_won')],
            [edge('root', 'a', 'segments')],
          ),
          catalog,
        ),
      ).toEqual([
        expect.objectContaining({
          code: 'relation_mismatch',
          message: expect.stringContaining('must be a ratio metric'),
        }),
      ]);
      const mixed = validateTree(
        draft(
          [
            node('root', 'win_rate'),
            segment('a', { team: 'A' }),
            segment('b', { segment: 'smb' }),
            segment('c', {}),
          ],
          [
            edge('root', 'a', 'segments'),
            edge('root', 'b', 'segments'),
            edge('root', 'c', 'segments'),
          ],
        ),
        catalog,
      );
      expect(mixed.map((i) => [i.edgeId, i.message.slice(0, 30)])).toEqual([
        ['root>c', "each segment of 'root' is the "],
        ['root>a', "the segments of 'root' split i"],
      ]);
      expect(
        codes(
          draft(
            [
              node('root', 'activity_per_contact'),
              segment('a', { channel: 'call' }, 'activity_per_contact'),
            ],
            [edge('root', 'a', 'segments')],
          ),
        ),
      ).toEqual(['relation_mismatch']);
    });

    it("formula children are the formula's inputs, with the parent's filter", () => {
      const base = [
        node('id', 'capacity_identity'),
        node('reps', 'reps_active'),
        node('hours', 'selling_hours_per_rep'),
      ];
      const issues = validateTree(
        draft(
          [...base, node('contacts', 'active_contacts')],
          [
            edge('id', 'reps', 'formula'),
            edge('id', 'hours', 'formula'),
            edge('id', 'contacts', 'formula'),
          ],
        ),
        catalog,
      );
      expect(issues.map((i) => i.message)).toEqual([
        "'contacts' (active_contacts) is not an input of the formula reps_active * selling_hours_per_rep * touches_per_selling_hour",
        "the formula of 'id' uses touches_per_selling_hour, which no child provides; add a child node for it",
      ]);
      expect(
        codes(
          draft(
            [node('acts', 'activities_total'), node('reps', 'reps_active')],
            [edge('acts', 'reps', 'formula')],
          ),
        ),
      ).toEqual(['relation_mismatch']);
    });

    it('driver edges link any two metrics', () => {
      expect(
        codes(
          draft(
            [node('rate', 'meeting_rate'), node('hours', 'selling_hours')],
            [edge('rate', 'hours', 'driver')],
          ),
        ),
      ).toEqual([]);
    });
  });

  describe('bands', () => {
    it('checks target bands', () => {
      const band = (min: number | null, max: number | null) =>
        node('n', 'activities_total', { band: { kind: 'target', min, max } });
      expect(codes(draft([band(1, 2)]))).toEqual([]);
      expect(codes(draft([band(null, 2)]))).toEqual([]);
      expect(validateTree(draft([band(3, 2)]), catalog)[0]?.message).toBe(
        "the target band of 'n' runs from 3 to 2; its minimum must not exceed its maximum",
      );
      expect(codes(draft([band(null, null)]))).toEqual(['invalid_band']);
    });

    it('puts benchmark bands only on touches per contact, with a motion', () => {
      const benchmark = (metricKey: string, filter: Record<string, string> = {}) =>
        node('n', metricKey, { band: { kind: 'benchmark' }, filter });
      const withMotion = (d: TreeDraft): TreeDraft => ({ ...d, motion: 'mid_market_outbound' });
      expect(codes(withMotion(draft([benchmark('activity_per_contact', { team: 'A' })])))).toEqual(
        [],
      );
      expect(codes(draft([benchmark('activity_per_contact')]))).toEqual(['invalid_band']);
      expect(
        codes(withMotion(draft([benchmark('activity_per_contact', { channel: 'call' })]))),
      ).toEqual(['invalid_band']);
      expect(codes(withMotion(draft([benchmark('activity_per_rep')])))).toEqual(['invalid_band']);
    });
  });

  it('checks the tree fields', () => {
    const tree = { ...draft([]), name: ' ', outboundWindowDays: 0, motion: 'weekly' as never };
    expect(codes(tree)).toEqual(['invalid_name', 'invalid_outbound_window', 'unknown_motion']);
  });
});
