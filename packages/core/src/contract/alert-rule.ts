/**
 * A node's alert rule: which of the movement-detection defaults it overrides
 * (docs/product.md §5, docs/decisions/0038-movement-detection.md). Stored on the node
 * (tree_nodes.alert_rule; null keeps every default) and edited in the node panel, which
 * shows the defaults beside the overrides.
 */
import { z } from 'zod';

export const ALERT_RULE_GRAINS = ['week', 'month'] as const;
export type AlertRuleGrain = (typeof ALERT_RULE_GRAINS)[number];

/** What a node may override; a field left out keeps its default. */
export const AlertRuleOverridesSchema = z
  .object({
    enabled: z.boolean().optional().meta({ description: 'false: the node never alerts' }),
    grains: z
      .array(z.enum(ALERT_RULE_GRAINS))
      .min(1)
      .max(2)
      .optional()
      .meta({ description: 'The grains the node is checked at (default: week)' }),
    minHistory: z
      .number()
      .int()
      .min(2)
      .max(104)
      .optional()
      .meta({ description: 'Prior periods needed before the node may alert (default 6)' }),
    window: z
      .number()
      .int()
      .min(3)
      .max(104)
      .optional()
      .meta({ description: 'Periods of the baseline: the last min(window, n) (default 13)' }),
    zThreshold: z
      .number()
      .positive()
      .max(50)
      .optional()
      .meta({ description: 'The robust z-score a spike reaches, in size (default 3.5)' }),
    minChangePct: z
      .number()
      .min(0)
      .max(1000)
      .optional()
      .meta({ description: 'The least change against the baseline, in percent (default 10)' }),
    minDenominator: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'Ratio nodes: the least denominator in the period (default 30)' }),
    cusumK: z
      .number()
      .min(0)
      .max(10)
      .optional()
      .meta({ description: 'Drift: the slack of the CUSUM, in z units (default 0.5)' }),
    cusumH: z
      .number()
      .positive()
      .max(100)
      .optional()
      .meta({ description: 'Drift: the CUSUM level that alerts (default 4)' }),
  })
  .strict()
  .meta({ id: 'AlertRuleOverrides' });

export type AlertRuleOverrides = z.infer<typeof AlertRuleOverridesSchema>;
/** Every field of a rule, with the defaults filled in. */
export type AlertRule = Required<AlertRuleOverrides>;

const DEFAULT_GRAINS: AlertRuleGrain[] = ['week'];

/** The detection defaults (docs/product.md §5). */
export const ALERT_RULE_DEFAULTS: Readonly<AlertRule> = Object.freeze({
  enabled: true,
  grains: DEFAULT_GRAINS,
  minHistory: 6,
  window: 13,
  zThreshold: 3.5,
  minChangePct: 10,
  minDenominator: 30,
  cusumK: 0.5,
  cusumH: 4,
});

/**
 * The rule a node runs with: its overrides over the defaults (null or undefined: defaults).
 *
 * @example resolveAlertRule({ zThreshold: 3 }).window; // 13
 */
export function resolveAlertRule(overrides: AlertRuleOverrides | null | undefined): AlertRule {
  const o = overrides ?? {};
  const d = ALERT_RULE_DEFAULTS;
  return {
    enabled: o.enabled ?? d.enabled,
    grains: [...(o.grains ?? d.grains)],
    minHistory: o.minHistory ?? d.minHistory,
    window: o.window ?? d.window,
    zThreshold: o.zThreshold ?? d.zThreshold,
    minChangePct: o.minChangePct ?? d.minChangePct,
    minDenominator: o.minDenominator ?? d.minDenominator,
    cusumK: o.cusumK ?? d.cusumK,
    cusumH: o.cusumH ?? d.cusumH,
  };
}
