/**
 * The estimated effect as a picture: a dot at the effect with its 95% interval as a bar,
 * against zero (no change) and the ±MDE band (changes too small to matter), so whether the
 * interval clears zero on the intended side reads at a glance. Coloured by the verdict.
 */
import type { InterventionVerdict, MetricUnit } from '@treeline/core';
import { formatSignedMetricValue } from '../lib/format';
import { effectScale } from './effect-scale';
import { verdictTone } from './verdict-words';

const WIDTH = 640;
const HEIGHT = 84;
const LEFT = 16;
const RIGHT = 16;
const TONE_COLOURS = { good: '#146c35', bad: '#b1241a', open: '#8a4b00', neutral: '#656c79' };

export function EffectInterval({
  result,
  mde,
  unit,
}: {
  result: InterventionVerdict;
  mde: number;
  unit: MetricUnit;
}) {
  if (result.effect === null || result.ci95 === null) return null;
  const [lo, hi] = result.ci95;
  const scale = effectScale({ lo, hi, mde });
  const x = (value: number) => LEFT + scale.at(value) * (WIDTH - LEFT - RIGHT);
  const colour = TONE_COLOURS[verdictTone(result.verdict)];
  const f = (value: number) => formatSignedMetricValue(value, unit);
  const y = 40;
  return (
    <svg
      className="effect-interval"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Effect ${f(result.effect)} a week, 95% interval ${f(lo)} to ${f(hi)}; changes within ±${f(mde).replace('+', '')} are too small to matter`}
      data-testid="effect-interval"
    >
      <rect x={x(-mde)} y={18} width={x(mde) - x(-mde)} height={44} fill="#eef0f3" />
      <text x={x(0)} y={12} textAnchor="middle" fontSize={10} fill="#656c79">
        no change
      </text>
      <text x={x(mde)} y={76} textAnchor="middle" fontSize={10} fill="#656c79">
        MDE {f(mde)}
      </text>
      <text x={x(-mde)} y={76} textAnchor="middle" fontSize={10} fill="#656c79">
        {f(-mde)}
      </text>
      <line x1={x(0)} x2={x(0)} y1={18} y2={62} stroke="#656c79" strokeDasharray="3 3" />
      <line
        x1={x(lo)}
        x2={x(hi)}
        y1={y}
        y2={y}
        stroke={colour}
        strokeWidth={4}
        strokeLinecap="round"
      />
      <line x1={x(lo)} x2={x(lo)} y1={y - 8} y2={y + 8} stroke={colour} strokeWidth={2} />
      <line x1={x(hi)} x2={x(hi)} y1={y - 8} y2={y + 8} stroke={colour} strokeWidth={2} />
      <circle cx={x(result.effect)} cy={y} r={6} fill={colour} stroke="#fff" strokeWidth={2} />
      <text
        x={x(result.effect)}
        y={y - 12}
        textAnchor="middle"
        fontSize={12}
        fontWeight={600}
        fill={colour}
      >
        {f(result.effect)}
      </text>
      <text x={x(lo)} y={y + 22} textAnchor="middle" fontSize={10} fill={colour}>
        {f(lo)}
      </text>
      <text x={x(hi)} y={y + 22} textAnchor="middle" fontSize={10} fill={colour}>
        {f(hi)}
      </text>
    </svg>
  );
}
