/**
 * Checks a score model draft (docs/product.md §7): its shape first (each problem naming the
 * rule's index and field, e.g. non-numeric points), then against what the workspace's data
 * knows (an unknown custom property or event type is an error), then what can never happen
 * (a threshold no score can reach is a warning). Pure: the vocabulary comes from the caller.
 */
import {
  type AttributeRule,
  type EventRule,
  isEngagementEvent,
  SCORE_ATTRIBUTE_PREFIX,
  SCORE_ATTRIBUTES,
  SCORE_EVENTS,
  type ScoreModelDraft,
  ScoreModelDraftSchema,
  type ScoreModelIssue,
  type ScoreRule,
  type ScoringVocabulary,
} from '../contract/scoring/score-model';

const ENUM_VALUES: Readonly<Record<string, readonly string[]>> = {
  segment: ['smb', 'mid_market', 'enterprise'],
  lifecycle_stage: ['lead', 'contact', 'opportunity', 'customer', 'former_customer'],
};

export type ScoreModelCheck =
  | { ok: true; model: ScoreModelDraft; issues: ScoreModelIssue[] }
  | { ok: false; model: null; issues: ScoreModelIssue[] };

const error = (rule: number | null, field: string, message: string): ScoreModelIssue => ({
  rule,
  field,
  message,
  severity: 'error',
});
const warning = (rule: number | null, field: string, message: string): ScoreModelIssue => ({
  rule,
  field,
  message,
  severity: 'warning',
});

/**
 * @example
 * checkScoreModel({ name: 'Fit', rules: [{ kind: 'attribute', attribute: 'segment', operator: 'equals', value: 'enterprise', points: 'ten' }], bands: [{ label: 'All', min: 0 }] }, vocabulary);
 * // { ok: false, issues: [{ rule: 0, field: 'points', message: 'points must be a number', severity: 'error' }] }
 */
export function checkScoreModel(input: unknown, vocabulary: ScoringVocabulary): ScoreModelCheck {
  const parsed = ScoreModelDraftSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const [top, index, ...rest] = issue.path.map(String);
      if (top === 'rules' && index !== undefined && /^\d+$/.test(index)) {
        const field = rest.join('.') || 'rule';
        const message =
          field === 'points' ? 'points must be a number' : `${field}: ${issue.message}`;
        return error(Number(index), field, message);
      }
      const field = issue.path.map(String).join('.') || 'model';
      return error(null, field, `${field}: ${issue.message}`);
    });
    return { ok: false, model: null, issues };
  }
  const model = parsed.data;
  const issues: ScoreModelIssue[] = [];
  model.rules.forEach((rule, i) => {
    issues.push(
      ...(rule.kind === 'attribute'
        ? attributeIssues(rule, i, vocabulary)
        : eventIssues(rule, i, vocabulary)),
    );
  });
  issues.push(...bandIssues(model), ...thresholdIssues(model));
  const ok = !issues.some((issue) => issue.severity === 'error');
  return ok ? { ok, model, issues } : { ok, model: null, issues };
}

function attributeIssues(rule: AttributeRule, i: number, vocabulary: ScoringVocabulary) {
  const issues: ScoreModelIssue[] = [];
  const { attribute } = rule;
  if (attribute.startsWith(SCORE_ATTRIBUTE_PREFIX)) {
    const key = attribute.slice(SCORE_ATTRIBUTE_PREFIX.length);
    if (!vocabulary.contactProperties.includes(key)) {
      issues.push(error(i, 'attribute', `no contact has a custom property "${key}"`));
    }
  } else if (!(SCORE_ATTRIBUTES as readonly string[]).includes(attribute)) {
    issues.push(
      error(
        i,
        'attribute',
        `unknown property "${attribute}"; use ${SCORE_ATTRIBUTES.join(', ')} or properties.<key>`,
      ),
    );
  }
  const values = rule.value === null ? [] : Array.isArray(rule.value) ? rule.value : [rule.value];
  if (rule.operator === 'is_set') {
    if (values.length > 0) issues.push(error(i, 'value', 'is_set takes no value'));
  } else if (values.length === 0 || values.some((v) => v.trim() === '')) {
    issues.push(error(i, 'value', `${rule.operator} needs a value`));
  } else if (rule.operator !== 'in' && values.length > 1) {
    issues.push(error(i, 'value', `${rule.operator} takes one value; use "in" for several`));
  }
  const allowed = ENUM_VALUES[attribute];
  const unknown = allowed ? values.filter((v) => !allowed.includes(v)) : [];
  if (unknown.length > 0) {
    issues.push(
      error(
        i,
        'value',
        `${attribute} is never "${unknown[0]}"; it is one of ${allowed?.join(', ')}`,
      ),
    );
  }
  if (rule.points === 0) issues.push(warning(i, 'points', 'the rule gives no points'));
  return issues;
}

function eventIssues(rule: EventRule, i: number, vocabulary: ScoringVocabulary) {
  const issues: ScoreModelIssue[] = [];
  if (!(SCORE_EVENTS as readonly string[]).includes(rule.event)) {
    issues.push(error(i, 'event', `unknown event type "${rule.event}"`));
  } else if (!vocabulary.eventsPresent.includes(rule.event)) {
    issues.push(warning(i, 'event', `the workspace has no "${rule.event}" events yet`));
  }
  if (rule.where) {
    if (!isEngagementEvent(rule.event)) {
      issues.push(error(i, 'where', 'only engagement events have properties to match'));
    } else if (!vocabulary.eventProperties.includes(rule.where.property)) {
      issues.push(error(i, 'where.property', `no event has a property "${rule.where.property}"`));
    }
  }
  if (rule.points === 0) issues.push(warning(i, 'points', 'the rule gives no points'));
  if (rule.cap !== null && rule.applies === 'once' && rule.cap < Math.abs(rule.points)) {
    issues.push(warning(i, 'cap', 'the cap is below the points a single match gives'));
  }
  return issues;
}

function bandIssues(model: ScoreModelDraft) {
  const issues: ScoreModelIssue[] = [];
  const labels = new Set<string>();
  model.bands.forEach((band, b) => {
    if (labels.has(band.label))
      issues.push(error(null, `bands.${b}.label`, `band "${band.label}" is named twice`));
    labels.add(band.label);
    const previous = model.bands[b - 1];
    if (previous && band.min <= previous.min) {
      issues.push(
        error(null, `bands.${b}.min`, `band "${band.label}" must start above ${previous.min}`),
      );
    }
  });
  return issues;
}

function thresholdIssues(model: ScoreModelDraft) {
  const { min, max } = scoreRange(model.rules);
  const issues: ScoreModelIssue[] = [];
  const seen = new Set<number>();
  model.thresholds.forEach((t, k) => {
    if (seen.has(t)) issues.push(error(null, `thresholds.${k}`, `threshold ${t} is listed twice`));
    seen.add(t);
    if (t > max)
      issues.push(warning(null, `thresholds.${k}`, `no score can reach ${t}: the most is ${max}`));
    else if (t <= min)
      issues.push(
        warning(null, `thresholds.${k}`, `every score is at least ${min}: ${t} is never crossed`),
      );
  });
  return issues;
}

/** The most and least points a rule can give one contact (±Infinity when unbounded). */
export function rulePointRange(rule: ScoreRule): { min: number; max: number } {
  let reach: number;
  if (rule.kind === 'attribute' || rule.applies === 'once') reach = Math.abs(rule.points);
  else reach = rule.cap ?? Number.POSITIVE_INFINITY;
  if (rule.kind === 'event' && rule.cap !== null) reach = Math.min(reach, rule.cap);
  return rule.points >= 0 ? { min: 0, max: reach } : { min: -reach, max: 0 };
}

/** The range every score of the model lies in: it starts at 0 and each rule adds its range. */
export function scoreRange(rules: readonly ScoreRule[]): { min: number; max: number } {
  return rules.reduce(
    (range, rule) => {
      const r = rulePointRange(rule);
      return { min: range.min + r.min, max: range.max + r.max };
    },
    { min: 0, max: 0 },
  );
}

/**
 * The points a rule gives for `matches` matching events (attribute rules: 1 when it holds):
 * once → the points if it matched at all; every → points × matches; then the cap, which
 * bounds the absolute value.
 *
 * @example rulePoints({ kind: 'event', applies: 'every', points: 5, cap: 12, ... }, 3); // 12
 */
export function rulePoints(rule: ScoreRule, matches: number): number {
  if (matches <= 0) return 0;
  const raw =
    rule.kind === 'attribute' || rule.applies === 'once' ? rule.points : rule.points * matches;
  const cap = rule.kind === 'event' ? rule.cap : null;
  if (cap === null) return raw;
  return Math.sign(raw) * Math.min(Math.abs(raw), cap);
}
