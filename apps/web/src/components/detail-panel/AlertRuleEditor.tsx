/**
 * A node's alert rule in its panel: whether the node alerts, at which grains, and each
 * detection setting it overrides, with the default as the field's placeholder (an empty
 * field keeps the default). Edits go into the draft, so the rule is saved, versioned and
 * undone with the tree; a refused save's error on a setting is shown on its field. Viewers
 * read the rule in a disabled fieldset that says why (EditGuard).
 */
import {
  ALERT_RULE_DEFAULTS,
  ALERT_RULE_GRAINS,
  type AlertRuleGrain,
  type AlertRuleOverrides,
  resolveAlertRule,
  type TreeDraftNode,
} from '@treeline/core';
import { RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { useEditorActions } from '../../editor/tree-editor-hooks';
import { EditGuard } from '../EditGuard';

type NumberSetting = Exclude<keyof AlertRuleOverrides, 'enabled' | 'grains'>;

interface SettingField {
  key: NumberSetting;
  label: string;
  unit: string;
  hint: string;
  /** Only ratio nodes have a denominator to count. */
  ratioOnly?: boolean;
}

/** The settings in the order a person tunes them: size of a move, then drift, then history. */
const SETTINGS: readonly SettingField[] = [
  { key: 'minChangePct', label: 'Least change', unit: '%', hint: 'from the baseline' },
  { key: 'zThreshold', label: 'Spike z-score', unit: '|z|', hint: 'robust z of a spike' },
  {
    key: 'minDenominator',
    label: 'Denominator',
    unit: 'n',
    hint: 'at least; and its 95% interval excludes the baseline',
    ratioOnly: true,
  },
  { key: 'cusumK', label: 'Drift slack', unit: 'k', hint: 'CUSUM, in z per period' },
  { key: 'cusumH', label: 'Drift level', unit: 'h', hint: 'the CUSUM sum that alerts' },
  { key: 'minHistory', label: 'History', unit: 'periods', hint: 'needed before it alerts' },
  { key: 'window', label: 'Baseline', unit: 'periods', hint: 'median and MAD of the last n' },
];

const GRAIN_LABEL: Record<AlertRuleGrain, string> = { week: 'Weekly', month: 'Monthly' };

/** The overrides without the fields that are back at "default" (null: no override at all). */
function withSetting(
  rule: AlertRuleOverrides | null | undefined,
  key: keyof AlertRuleOverrides,
  value: AlertRuleOverrides[keyof AlertRuleOverrides] | undefined,
): AlertRuleOverrides | null {
  const next: Record<string, unknown> = { ...(rule ?? {}) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return Object.keys(next).length === 0 ? null : (next as AlertRuleOverrides);
}

/** One sentence of what the rule does, so the numbers read as a rule. */
export function describeAlertRule(overrides: AlertRuleOverrides | null | undefined): string {
  const rule = resolveAlertRule(overrides);
  if (!rule.enabled) return 'This node never alerts; its movements still show on its card.';
  const grains = rule.grains.map((g) => GRAIN_LABEL[g].toLowerCase()).join(' and ');
  return `Checked ${grains}: alerts when it moves at least ${rule.minChangePct}% from its baseline and beyond a robust z of ${rule.zThreshold}, or drifts (CUSUM ${rule.cusumH}), once it has ${rule.minHistory} periods of history.`;
}

export function AlertRuleEditor({
  draftNode,
  ratio,
  fieldIssues,
}: {
  draftNode: TreeDraftNode;
  /** The node's metric is a ratio, so its denominator counts. */
  ratio: boolean;
  fieldIssues: Readonly<Record<string, string>>;
}) {
  const { updateNode } = useEditorActions();
  const id = useId();
  const overrides = draftNode.alertRule ?? null;
  const rule = resolveAlertRule(overrides);
  const set = (key: keyof AlertRuleOverrides, value: AlertRuleOverrides[typeof key] | undefined) =>
    updateNode(draftNode.id, { alertRule: withSetting(overrides, key, value) });
  const toggleGrain = (grain: AlertRuleGrain, on: boolean) => {
    const grains = ALERT_RULE_GRAINS.filter((g) => (g === grain ? on : rule.grains.includes(g)));
    if (grains.length === 0) return;
    const isDefault = grains.join() === ALERT_RULE_DEFAULTS.grains.join();
    set('grains', isDefault ? undefined : grains);
  };
  const grainsError = fieldIssues['alertRule.grains'];
  const generalError = fieldIssues.alertRule;

  return (
    <section className="panel__section" aria-labelledby={`${id}-rule`} data-testid="alert-rule">
      <h3 className="panel__subtitle" id={`${id}-rule`}>
        Alert rule
      </h3>
      <EditGuard>
        <div className="alert-rule">
          <p className="field__hint">{describeAlertRule(overrides)}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={rule.enabled}
              onChange={(event) => set('enabled', event.target.checked ? undefined : false)}
            />
            Alert on this node
          </label>
          <fieldset className="alert-rule__grains" aria-describedby={`${id}-grains`}>
            <legend className="field__label">Checked</legend>
            {ALERT_RULE_GRAINS.map((grain) => (
              <label key={grain} className="checkbox">
                <input
                  type="checkbox"
                  checked={rule.grains.includes(grain)}
                  // The last grain stays: a node checked at no grain is a disabled one.
                  disabled={rule.grains.length === 1 && rule.grains.includes(grain)}
                  onChange={(event) => toggleGrain(grain, event.target.checked)}
                />
                {GRAIN_LABEL[grain]}
              </label>
            ))}
            <p className="field__hint" id={`${id}-grains`}>
              Default: {ALERT_RULE_DEFAULTS.grains.map((g) => GRAIN_LABEL[g]).join(', ')}
            </p>
            {grainsError ? <p className="field__error">{grainsError}</p> : null}
          </fieldset>
          <div className="alert-rule__settings">
            {SETTINGS.filter((s) => ratio || !s.ratioOnly).map((setting) => (
              <SettingInput
                key={`${setting.key}:${overrides?.[setting.key] ?? ''}`}
                setting={setting}
                value={overrides?.[setting.key]}
                error={fieldIssues[`alertRule.${setting.key}`]}
                onCommit={(value) => set(setting.key, value)}
              />
            ))}
          </div>
          {generalError ? <p className="field__error">{generalError}</p> : null}
          {overrides ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => updateNode(draftNode.id, { alertRule: null })}
            >
              <RotateCcw aria-hidden size={13} />
              Back to the defaults
            </button>
          ) : null}
        </div>
      </EditGuard>
    </section>
  );
}

/** A number that commits on blur or Enter; empty goes back to the default. */
function SettingInput({
  setting,
  value,
  error,
  onCommit,
}: {
  setting: SettingField;
  value: number | undefined;
  error: string | undefined;
  onCommit: (value: number | undefined) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [typo, setTypo] = useState<string | null>(null);
  const fallback = ALERT_RULE_DEFAULTS[setting.key];
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setTypo(null);
      if (value !== undefined) onCommit(undefined);
      return;
    }
    const number = Number(trimmed.replace(',', '.'));
    if (!Number.isFinite(number)) {
      setTypo(`“${trimmed}” is no number; write one like ${fallback}, or leave it empty`);
      return;
    }
    setTypo(null);
    if (number !== value) onCommit(number);
  };
  const shown = typo ?? error;
  return (
    <div className="field alert-rule__setting">
      <label className="field__label" htmlFor={id}>
        {setting.label} <span className="alert-rule__unit">({setting.unit})</span>
      </label>
      <input
        id={id}
        className="input"
        inputMode="decimal"
        value={text}
        placeholder={String(fallback)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setText(value === undefined ? '' : String(value));
        }}
      />
      <p className="field__hint" id={`${id}-hint`}>
        {value === undefined ? setting.hint : `Default ${fallback}; ${setting.hint}`}
      </p>
      {shown ? (
        <p className="field__error" role="alert">
          {shown}
        </p>
      ) : null}
    </div>
  );
}
