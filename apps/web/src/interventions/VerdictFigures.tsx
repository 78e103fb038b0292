/**
 * A verdict's numbers: the effect with its 95% interval in the node's unit (and as a
 * picture), the p-value, the weeks counted on each side, the method, and every check.
 */
import type { InterventionVerdict, MetricUnit } from '@treeline/core';
import { CircleCheck, CircleX } from 'lucide-react';
import { formatSignedMetricValue } from '../lib/format';
import { EffectInterval } from './EffectInterval';
import { CHECK_LABELS, METHOD_LABELS } from './verdict-words';

/** @example formatPValue(0.0004) // "< 0.001" */
export function formatPValue(p: number | null): string {
  if (p === null) return '—';
  if (p < 0.001) return '< 0.001';
  return p.toFixed(3);
}

export function VerdictFigures({
  result,
  mde,
  unit,
}: {
  result: InterventionVerdict;
  mde: number;
  unit: MetricUnit;
}) {
  const f = (value: number) => formatSignedMetricValue(value, unit);
  return (
    <div className="verdict-figures">
      <EffectInterval result={result} mde={mde} unit={unit} />
      <dl className="verdict-figures__list">
        <div>
          <dt>Effect a week</dt>
          <dd data-testid="verdict-effect">{result.effect === null ? '—' : f(result.effect)}</dd>
        </div>
        <div>
          <dt>95% interval</dt>
          <dd>{result.ci95 ? `${f(result.ci95[0])} to ${f(result.ci95[1])}` : '—'}</dd>
        </div>
        <div>
          <dt>p-value</dt>
          <dd>{formatPValue(result.pValue)}</dd>
        </div>
        <div>
          <dt>Weeks before / after</dt>
          <dd>
            {result.periodsBefore} / {result.periodsAfter}
          </dd>
        </div>
        <div className="verdict-figures__wide">
          <dt>Method</dt>
          <dd>{METHOD_LABELS[result.method]}</dd>
        </div>
      </dl>
      {result.checks.length > 0 ? (
        <ul className="verdict-checks" aria-label="Checks">
          {result.checks.map((check) => (
            <li key={check.name} className={check.passed ? 'is-passed' : 'is-failed'}>
              {check.passed ? (
                <CircleCheck aria-hidden size={15} />
              ) : (
                <CircleX aria-hidden size={15} />
              )}
              <span>
                <strong>
                  {CHECK_LABELS[check.name]}: {check.passed ? 'passed' : 'failed'}
                </strong>
                {check.pValue !== null ? ` (p ${formatPValue(check.pValue)})` : ''}. {check.detail}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
