/**
 * Whether a node's value moved, period by period (docs/product.md §5, decision 0038): a
 * history gate, a robust z-score against the median and scaled MAD of a trailing window, a
 * minimum change in percent, for ratio nodes a minimum denominator and a Wilson interval
 * that must exclude the baseline rate, and a two-sided CUSUM on the z-scores for slow
 * drift, reset after every alert. Pure arithmetic on a series; every threshold comes from
 * the node's alert rule.
 */
import { ALERT_RULE_DEFAULTS, type AlertRule } from '../contract/alert-rule';

/** The consistency constant that makes the MAD estimate a normal σ. */
export const MAD_SCALE = 1.4826;
/** √(π/2): makes the mean absolute deviation estimate a normal σ (the MAD = 0 fall-back). */
const MEAN_AD_SCALE = 1.2533;
/** The share of |median| the scale never falls below on a flat baseline. */
const FLAT_SCALE_SHARE = 0.01;
/** The two-sided 95% normal quantile. */
const Z95 = 1.959964;

/** A node's series as evaluated: values, and for ratio metrics their parts. */
export interface MovementSeries {
  values: ReadonlyArray<number | null>;
  numerators?: ReadonlyArray<number | null> | null;
  denominators?: ReadonlyArray<number | null> | null;
  /**
   * The value is a proportion (numerator ≤ denominator, a percent metric): the Wilson
   * interval applies. A rate like touches per contact gets the denominator gate only.
   */
  proportion?: boolean;
}

export type DetectionRule = Pick<
  AlertRule,
  'minHistory' | 'window' | 'zThreshold' | 'minChangePct' | 'minDenominator' | 'cusumK' | 'cusumH'
>;

export interface RobustBaseline {
  median: number;
  mad: number;
  /** 1.4826 × MAD, or its floor when the MAD is 0. */
  scale: number;
  /** The scale is a floor, the MAD being 0. */
  floored: boolean;
  /** How many periods it was taken over. */
  periods: number;
}

export interface RatioCheck {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator in the period. */
  rate: number;
  /** Σ numerators ÷ Σ denominators over the baseline window. */
  baselineRate: number | null;
  /** The period's Wilson 95% interval (proportions only). */
  interval: [number, number] | null;
  enoughDenominator: boolean;
  excludesBaseline: boolean | null;
}

export type MovementStatus =
  /** No value in the period. */
  | 'no_value'
  /** Fewer prior periods than the rule's history gate: shown, never alerted. */
  | 'not_enough_history'
  /** Within its noise. */
  | 'steady'
  /** A test fired, but a ratio gate (denominator, interval) or the minimum change held it. */
  | 'held'
  /** A movement: the node alerts. */
  | 'movement';

export interface MovementDetection {
  index: number;
  value: number | null;
  status: MovementStatus;
  alert: boolean;
  direction: 'up' | 'down' | null;
  /** The test that fired: a spike (robust z) or a drift (CUSUM). */
  test: 'spike' | 'drift' | null;
  /** Non-null prior periods. */
  history: number;
  baseline: RobustBaseline | null;
  z: number | null;
  /** (value − median) ÷ |median| × 100; null on a zero baseline. */
  changePct: number | null;
  /** The CUSUM sums after this period (0 after an alert). */
  cusum: { up: number; down: number };
  ratio: RatioCheck | null;
  /** Why it alerts or not, in words. */
  reason: string;
}

/** @example median([3, 1, 2]) // 2 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The centre and scale of a window: median and 1.4826 × MAD; when the MAD is 0, 1.2533 ×
 * the mean absolute deviation, and on a flat window 1% of |median| (never 0).
 *
 * @example robustBaseline([100, 102, 98, 101, 99, 100, 103, 97]) // { median: 100, mad: 1.5, scale: 2.2239, … }
 */
export function robustBaseline(window: readonly number[]): RobustBaseline {
  const centre = median(window);
  const deviations = window.map((v) => Math.abs(v - centre));
  const mad = median(deviations);
  if (mad > 0) {
    return { median: centre, mad, scale: MAD_SCALE * mad, floored: false, periods: window.length };
  }
  const meanAd = deviations.reduce((s, d) => s + d, 0) / Math.max(1, deviations.length);
  const scale = Math.max(MEAN_AD_SCALE * meanAd, FLAT_SCALE_SHARE * Math.abs(centre), 1e-9);
  return { median: centre, mad, scale, floored: true, periods: window.length };
}

/**
 * The Wilson score interval of k successes in n trials (95% by default).
 *
 * @example wilsonInterval(0, 20) // [0, 0.1611]
 */
export function wilsonInterval(k: number, n: number, z = Z95): [number, number] {
  if (n <= 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * One step of a two-sided CUSUM on a z-score: C⁺ = max(0, C⁺ + z − k), C⁻ = max(0, C⁻ − z −
 * k); it signals when a sum exceeds h.
 *
 * @example cusumStep({ up: 3.9, down: 0 }, 1.0, 0.5, 4) // { up: 4.4, down: 0, signal: 'up' }
 */
export function cusumStep(
  state: { up: number; down: number },
  z: number,
  k: number,
  h: number,
): { up: number; down: number; signal: 'up' | 'down' | null } {
  const up = Math.max(0, state.up + z - k);
  const down = Math.max(0, state.down - z - k);
  return { up, down, signal: up > h ? 'up' : down > h ? 'down' : null };
}

const finite = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

/**
 * The detection of every period of the series, oldest first, each judged against the
 * periods before it (the CUSUM runs through them in order and resets after each alert).
 *
 * @example detectMovements({ values: [100, 102, 98, 101, 99, 100, 103, 97, 110] }).at(-1)?.alert // true
 */
export function detectMovements(
  series: MovementSeries,
  rule: Partial<DetectionRule> = {},
): MovementDetection[] {
  const r: DetectionRule = { ...ALERT_RULE_DEFAULTS, ...definedFields(rule) };
  const out: MovementDetection[] = [];
  let cusum = { up: 0, down: 0 };
  const prior: Array<{ index: number; value: number }> = [];
  series.values.forEach((raw, index) => {
    const value = finite(raw) ? raw : null;
    const detection = judge(series, r, index, value, prior, cusum);
    cusum = detection.cusum;
    out.push(detection);
    if (value !== null) prior.push({ index, value });
  });
  return out;
}

/**
 * The detection of the series' last period.
 *
 * @example detectMovement({ values: [100, 102, 98, 101, 99, 100, 103, 97, 106] }).status // 'steady'
 */
export function detectMovement(
  series: MovementSeries,
  rule: Partial<DetectionRule> = {},
): MovementDetection {
  const all = detectMovements(series, rule);
  const last = all.at(-1);
  if (!last) throw new RangeError('detectMovement needs at least one period');
  return last;
}

function definedFields(rule: Partial<DetectionRule>): Partial<DetectionRule> {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined));
}

function judge(
  series: MovementSeries,
  r: DetectionRule,
  index: number,
  value: number | null,
  prior: ReadonlyArray<{ index: number; value: number }>,
  cusum: { up: number; down: number },
): MovementDetection {
  const base = {
    index,
    value,
    history: prior.length,
    direction: null,
    test: null,
    alert: false,
    baseline: null,
    z: null,
    changePct: null,
    ratio: null,
    cusum,
  } as const;
  if (value === null) return { ...base, status: 'no_value', reason: 'no value in the period' };
  if (prior.length < r.minHistory) {
    return {
      ...base,
      status: 'not_enough_history',
      reason: `not enough history: ${prior.length} prior periods, ${r.minHistory} needed`,
    };
  }
  const window = prior.slice(-Math.min(r.window, prior.length));
  const baseline = robustBaseline(window.map((p) => p.value));
  const z = (value - baseline.median) / baseline.scale;
  const changePct =
    baseline.median === 0 ? null : ((value - baseline.median) / Math.abs(baseline.median)) * 100;
  const step = cusumStep(cusum, z, r.cusumK, r.cusumH);
  const spike = Math.abs(z) >= r.zThreshold ? (z > 0 ? 'up' : 'down') : null;
  const fired: { test: 'spike' | 'drift'; direction: 'up' | 'down' } | null = spike
    ? { test: 'spike', direction: spike }
    : step.signal
      ? { test: 'drift', direction: step.signal }
      : null;
  const ratio = ratioCheck(series, r, index, window);
  const found = { ...base, baseline, z, changePct, ratio };
  if (!fired) {
    return {
      ...found,
      cusum: { up: step.up, down: step.down },
      status: 'steady',
      reason: `within its noise: z ${z.toFixed(2)} (threshold ±${r.zThreshold}), CUSUM ${Math.max(step.up, step.down).toFixed(2)} (threshold ${r.cusumH})`,
    };
  }
  const hold = holdReason(r, changePct, ratio);
  if (hold) {
    return {
      ...found,
      cusum: { up: step.up, down: step.down },
      direction: fired.direction,
      test: fired.test,
      status: 'held',
      reason: hold,
    };
  }
  return {
    ...found,
    cusum: { up: 0, down: 0 },
    direction: fired.direction,
    test: fired.test,
    alert: true,
    status: 'movement',
    reason:
      fired.test === 'spike'
        ? `robust z ${z.toFixed(2)} is beyond ±${r.zThreshold}`
        : `a sustained drift: the CUSUM passed ${r.cusumH}`,
  };
}

function holdReason(
  r: DetectionRule,
  changePct: number | null,
  ratio: RatioCheck | null,
): string | null {
  if (changePct === null) return 'the baseline is 0, so the change has no percentage';
  if (Math.abs(changePct) < r.minChangePct) {
    return `the change of ${changePct.toFixed(1)}% is under the minimum of ${r.minChangePct}%`;
  }
  if (ratio && !ratio.enoughDenominator) {
    return `the denominator ${ratio.denominator} is under the minimum of ${r.minDenominator}`;
  }
  if (ratio && ratio.excludesBaseline === false) {
    return `the 95% interval of the rate contains the baseline rate`;
  }
  return null;
}

function ratioCheck(
  series: MovementSeries,
  r: DetectionRule,
  index: number,
  window: ReadonlyArray<{ index: number }>,
): RatioCheck | null {
  const numerators = series.numerators;
  const denominators = series.denominators;
  if (!numerators || !denominators) return null;
  const k = numerators[index];
  const n = denominators[index];
  if (!finite(k) || !finite(n)) return null;
  let sumK = 0;
  let sumN = 0;
  for (const p of window) {
    const pk = numerators[p.index];
    const pn = denominators[p.index];
    if (finite(pk) && finite(pn)) {
      sumK += pk;
      sumN += pn;
    }
  }
  const baselineRate = sumN > 0 ? sumK / sumN : null;
  const proportion = series.proportion === true && k <= n;
  const interval = proportion && n > 0 ? wilsonInterval(k, n) : null;
  return {
    numerator: k,
    denominator: n,
    rate: n === 0 ? Number.NaN : k / n,
    baselineRate,
    interval,
    enoughDenominator: n >= r.minDenominator,
    excludesBaseline:
      interval && baselineRate !== null
        ? baselineRate < interval[0] || baselineRate > interval[1]
        : null,
  };
}
