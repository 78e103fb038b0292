/**
 * Contact score models (docs/product.md §7, decision 0043): a model is a list of rules,
 * thresholds and bands. A rule either looks at a property of the contact (fit: segment,
 * source, lifecycle stage, account or a custom property) or counts its engagement events
 * and activities (engagement: a pricing page view, an email click, a meeting held).
 */
import { z } from 'zod';

/** The contact fields an attribute rule can read, besides custom properties (`properties.<key>`). */
export const SCORE_ATTRIBUTES = ['segment', 'source', 'lifecycle_stage', 'account'] as const;
export const SCORE_ATTRIBUTE_PREFIX = 'properties.';

export const SCORE_OPERATORS = ['equals', 'not_equals', 'in', 'is_set'] as const;
export type ScoreOperator = (typeof SCORE_OPERATORS)[number];

/**
 * What an event rule counts: an engagement event type, or a counted activity
 * (`activity.<channel>`, `activity.reply`: an activity that got a reply, `activity.meeting_booked`).
 */
export const SCORE_EVENTS = [
  'page_view',
  'email_open',
  'email_click',
  'form_submit',
  'activity.call',
  'activity.email',
  'activity.meeting',
  'activity.social',
  'activity.task',
  'activity.reply',
  'activity.meeting_booked',
] as const;
export type ScoreEvent = (typeof SCORE_EVENTS)[number];

export const SCORE_EVENT_LABELS: Readonly<Record<ScoreEvent, string>> = {
  page_view: 'Page view',
  email_open: 'Email open',
  email_click: 'Email click',
  form_submit: 'Form submit',
  'activity.call': 'Call',
  'activity.email': 'Email sent',
  'activity.meeting': 'Meeting held',
  'activity.social': 'Social touch',
  'activity.task': 'Task',
  'activity.reply': 'Reply',
  'activity.meeting_booked': 'Meeting booked',
};

/** True for the events read from engagement_events (the others are activities). */
export const isEngagementEvent = (event: string): boolean => !event.startsWith('activity.');

export const AttributeRuleSchema = z
  .object({
    kind: z.literal('attribute'),
    label: z.string().max(120).default(''),
    attribute: z.string().min(1).meta({
      description:
        "segment, source, lifecycle_stage, account, or a custom property 'properties.<key>'",
    }),
    operator: z.enum(SCORE_OPERATORS),
    /** One value for equals / not_equals, several for in, none for is_set. */
    value: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .default(null),
    points: z.number().finite(),
  })
  .meta({ id: 'ScoreAttributeRule' });

export const EventRuleSchema = z
  .object({
    kind: z.literal('event'),
    label: z.string().max(120).default(''),
    event: z.string().min(1).meta({ description: 'An engagement event type or activity.<kind>' }),
    /** Engagement events only: a property the event must have, e.g. page = pricing. */
    where: z
      .object({ property: z.string().min(1), value: z.string() })
      .nullable()
      .default(null),
    points: z.number().finite(),
    applies: z.enum(['once', 'every']),
    /** Points of an event expire this many days after it (null: never). */
    decayDays: z.number().int().min(1).max(3650).nullable().default(null),
    /** The most points (in absolute value) the rule gives one contact (null: no cap). */
    cap: z.number().finite().positive().nullable().default(null),
  })
  .meta({ id: 'ScoreEventRule' });

export const ScoreRuleSchema = z
  .discriminatedUnion('kind', [AttributeRuleSchema, EventRuleSchema])
  .meta({ id: 'ScoreRule' });

export const ScoreBandSchema = z
  .object({ label: z.string().trim().min(1).max(40), min: z.number().finite() })
  .meta({ id: 'ScoreBand' });

export const ScoreModelDraftSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(2000).default(''),
    rules: z.array(ScoreRuleSchema).max(100),
    /** Scores whose crossing (up or down) fires a trigger. */
    thresholds: z.array(z.number().finite()).max(10).default([]),
    /** Bands by their lowest score, in increasing order; a score below the first is in it. */
    bands: z.array(ScoreBandSchema).min(1).max(10),
  })
  .meta({ id: 'ScoreModelDraft' });

export type AttributeRule = z.output<typeof AttributeRuleSchema>;
export type EventRule = z.output<typeof EventRuleSchema>;
export type ScoreRule = z.output<typeof ScoreRuleSchema>;
export type ScoreBand = z.output<typeof ScoreBandSchema>;
export type ScoreModelDraft = z.output<typeof ScoreModelDraftSchema>;

export const ScoreModelIssueSchema = z
  .object({
    /** The rule's index in `rules`, or null for the model's own fields. */
    rule: z.number().int().nullable(),
    field: z.string(),
    message: z.string(),
    severity: z.enum(['error', 'warning']),
  })
  .meta({ id: 'ScoreModelIssue' });
export type ScoreModelIssue = z.output<typeof ScoreModelIssueSchema>;

export const ScoreModelSchema = ScoreModelDraftSchema.extend({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Contacts scored, and when the model was last computed (null: never). */
  scoredContacts: z.number().int(),
  computedAt: z.string().nullable(),
  warnings: z.array(ScoreModelIssueSchema),
}).meta({ id: 'ScoreModel' });
export type ScoreModelView = z.output<typeof ScoreModelSchema>;

/** What the workspace's data knows, for checking rules against it. */
export const ScoringVocabularySchema = z
  .object({
    contactProperties: z.array(z.string()),
    eventProperties: z.array(z.string()),
    /** The events the workspace has at least one of. */
    eventsPresent: z.array(z.string()),
    events: z.array(z.object({ value: z.string(), label: z.string() })),
  })
  .meta({ id: 'ScoringVocabulary' });
export type ScoringVocabulary = z.output<typeof ScoringVocabularySchema>;

export const RulePreviewSchema = z
  .object({
    /** Contacts each rule gives points to, in rule order. */
    rules: z.array(z.object({ rule: z.number().int(), contacts: z.number().int() })),
    contacts: z.number().int(),
    issues: z.array(ScoreModelIssueSchema),
  })
  .meta({ id: 'RulePreview' });
export type RulePreview = z.output<typeof RulePreviewSchema>;

export const ContactScoreSchema = z
  .object({
    modelId: z.string(),
    contactId: z.number().int(),
    score: z.number(),
    band: z.string(),
    /** The rules that gave points, with how many times they matched and the points given. */
    rules: z.array(
      z.object({
        rule: z.number().int(),
        label: z.string(),
        matches: z.number().int(),
        points: z.number(),
      }),
    ),
    history: z.array(
      z.object({ score: z.number(), validFrom: z.string(), validTo: z.string().nullable() }),
    ),
    crossings: z.array(
      z.object({ threshold: z.number(), direction: z.enum(['up', 'down']), crossedAt: z.string() }),
    ),
  })
  .meta({ id: 'ContactScore' });
export type ContactScoreView = z.output<typeof ContactScoreSchema>;

export const LiftRowSchema = z.object({
  band: z.string(),
  contacts: z.number().int(),
  converted: z.number().int(),
  rate: z.number().nullable(),
  /** 95% Wilson interval of the rate. */
  low: z.number().nullable(),
  high: z.number().nullable(),
  /** The band's rate over the overall rate (null when either is undefined). */
  lift: z.number().nullable(),
});
export type LiftRow = z.output<typeof LiftRowSchema>;

export const LiftTableSchema = z
  .object({
    modelId: z.string(),
    /** 'current': today's scores vs conversion so far; 'backtest': scores as of `asOf` vs conversion after it. */
    mode: z.enum(['current', 'backtest']),
    asOf: z.string(),
    horizonDays: z.number().int().nullable(),
    overall: LiftRowSchema,
    bands: z.array(LiftRowSchema),
  })
  .meta({ id: 'LiftTable' });
export type LiftTable = z.output<typeof LiftTableSchema>;

export const ScoreBackfillSchema = z
  .object({
    id: z.string(),
    modelId: z.string().nullable(),
    status: z.enum(['queued', 'running', 'done', 'cancelled', 'failed']),
    stepsTotal: z.number().int(),
    stepsDone: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'ScoreBackfill' });
export type ScoreBackfillView = z.output<typeof ScoreBackfillSchema>;

/** The editor's preview: rules as typed so far (each checked on its own). */
export const RulePreviewRequestSchema = z
  .object({ rules: z.array(z.unknown()).max(100) })
  .meta({ id: 'RulePreviewRequest' });

export const ScoreModelListSchema = z
  .object({ models: z.array(ScoreModelSchema) })
  .meta({ id: 'ScoreModelList' });

export const ScoredContactsSchema = z
  .object({
    contacts: z.array(
      z.object({
        contactId: z.number().int(),
        externalId: z.string(),
        score: z.number(),
        band: z.string(),
        customer: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ScoredContacts' });

export const RecomputeOutcomeSchema = z
  .object({
    scored: z.number().int(),
    changed: z.number().int(),
    crossings: z.number().int(),
    notified: z.number().int(),
  })
  .meta({ id: 'RecomputeOutcome' });
