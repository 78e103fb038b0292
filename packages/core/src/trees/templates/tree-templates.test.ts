// Every template is a valid tree whose arithmetic edges hold exactly, with no hygiene warnings.

import { describe, expect, it } from 'vitest';
import { BUILT_IN_METRICS } from '../../metrics/built-in-metrics';
import { metricFactors } from '../../metrics/metric-factors';
import { treeHygieneWarnings } from '../tree-hygiene-warnings';
import { validateTree } from '../validate-tree';
import { ACTIVITY_PER_CONTACT_TEMPLATE } from './activity-per-contact-template';
import { treeDraftFromTemplate } from './tree-draft-from-template';
import { TREE_TEMPLATES, treeTemplateByKey } from './tree-templates';

const catalog = new Map(BUILT_IN_METRICS.map((metric) => [metric.key, metric]));

describe('tree templates', () => {
  it.each(TREE_TEMPLATES.map((t) => [t.key, t] as const))('%s is a valid tree', (_, template) => {
    const draft = treeDraftFromTemplate(template);
    expect(validateTree(draft, catalog, { requireAccountable: false })).toEqual([]);
    for (const countingPolicy of ['all_touches', 'manual_only'] as const) {
      expect(treeHygieneWarnings(draft, catalog, { countingPolicy })).toEqual([]);
    }
    expect(new Set(template.nodes.map((n) => n.label)).size).toBe(template.nodes.length);
  });

  it('without owners, every node is missing its Accountable', () => {
    const draft = treeDraftFromTemplate(ACTIVITY_PER_CONTACT_TEMPLATE);
    const issues = validateTree(draft, catalog);
    expect(issues).toHaveLength(16);
    expect(issues.every((issue) => issue.code === 'missing_accountable')).toBe(true);
  });

  it('the activity tree has 16 nodes and keeps the channel refs the seed assigns owners by', () => {
    expect(ACTIVITY_PER_CONTACT_TEMPLATE.nodes).toHaveLength(16);
    const refs = ACTIVITY_PER_CONTACT_TEMPLATE.nodes.map((n) => n.ref);
    expect(refs).toEqual(expect.arrayContaining(['root', 'call', 'email', 'meeting', 'social']));
    expect(treeTemplateByKey('activity_per_contact')).toBe(ACTIVITY_PER_CONTACT_TEMPLATE);
    expect(treeTemplateByKey('nope')).toBeUndefined();
  });

  it('uses only rates in the activity tree, so a workspace with no data shows "no data" everywhere', () => {
    for (const node of ACTIVITY_PER_CONTACT_TEMPLATE.nodes) {
      const type = catalog.get(node.metricKey)?.definition.type;
      expect(['ratio', 'cohort', 'percentile', 'first_touch_latency'], node.ref).toContain(type);
    }
  });

  it('the capacity identity: activity per rep ÷ active contacts per rep is activity per contact', () => {
    // Numerically, with made-up aggregates: every factorisation is a product of the same atoms.
    const values = new Map<string, number>();
    const evaluate = (key: string, filter: Record<string, string> = {}) => {
      const factors = metricFactors(catalog, key, filter)!;
      let value = factors.coefficient;
      for (const [atom, power] of factors.powers) {
        if (!values.has(atom)) values.set(atom, 1 + values.size * 7.3);
        value *= values.get(atom)! ** power;
      }
      return value;
    };
    const perRep = evaluate('selling_hours_per_rep') * evaluate('touches_per_selling_hour');
    expect(perRep).toBeCloseTo(evaluate('activity_per_rep'), 12);
    expect(perRep / evaluate('active_contacts_per_rep')).toBeCloseTo(
      evaluate('activity_per_contact'),
      12,
    );
  });
});
