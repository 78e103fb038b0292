import { describe, expect, it } from 'vitest';
import { validateTree } from '../trees/validate-tree';
import { ALERT_RULE_DEFAULTS, AlertRuleOverridesSchema, resolveAlertRule } from './alert-rule';
import { TreeDraftNodeSchema } from './trees/tree-draft';

describe('alert rules', () => {
  it('fills what a node does not override with the defaults', () => {
    expect(resolveAlertRule(null)).toEqual(ALERT_RULE_DEFAULTS);
    expect(resolveAlertRule({ zThreshold: 3, grains: ['month'] })).toEqual({
      ...ALERT_RULE_DEFAULTS,
      zThreshold: 3,
      grains: ['month'],
    });
  });

  it('names the field that is out of range', () => {
    const parsed = AlertRuleOverridesSchema.safeParse({ window: 1, cusumH: -2 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['window', 'cusumH']);
    expect(AlertRuleOverridesSchema.safeParse({ zTreshold: 3 }).success).toBe(false);
  });

  it('travels on a draft node and is checked when the tree is validated', () => {
    const node = TreeDraftNodeSchema.parse({
      id: 'n',
      metricKey: 'activities_total',
      label: 'Activities',
      position: { x: 0, y: 0 },
      raci: { accountable: ['p'] },
      alertRule: { minChangePct: 20 },
    });
    expect(node.alertRule).toEqual({ minChangePct: 20 });
    const draft = {
      name: 't',
      description: '',
      motion: null,
      outboundWindowDays: 30,
      nodes: [{ ...node, alertRule: { window: 4, minHistory: 8 } }],
      edges: [],
    };
    const issues = validateTree(draft, new Map(), { requireAccountable: false });
    expect(issues.find((i) => i.code === 'invalid_alert_rule')?.message).toMatch(
      /window \(4\) must be at least minHistory \(8\)/,
    );
    // Each error names the field it is about, for the node panel to show it there.
    expect(issues.find((i) => i.code === 'invalid_alert_rule')?.field).toBe('alertRule.window');
    const outOfRange = validateTree(
      { ...draft, nodes: [{ ...node, alertRule: { minChangePct: 5000, cusumH: -1 } }] },
      new Map(),
      { requireAccountable: false },
    ).filter((i) => i.code === 'invalid_alert_rule');
    expect(outOfRange.map((i) => [i.nodeId, i.field])).toEqual([
      ['n', 'alertRule.minChangePct'],
      ['n', 'alertRule.cusumH'],
    ]);
  });
});
