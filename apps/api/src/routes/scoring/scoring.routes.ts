/**
 * Contact scoring (docs/product.md §7): score models (list, read, create, replace, delete),
 * the rule preview (how many contacts each rule touches), recompute and backfill with its
 * progress, a contact's score with the rules that gave each point, the best-scored
 * contacts, and the lift table (now, or a backtest as of a past date). Reads need a viewer,
 * writes an editor (route-roles.ts' defaults).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ContactScoreSchema,
  checkScoreModel,
  LiftTableSchema,
  notFound,
  RecomputeOutcomeSchema,
  RulePreviewRequestSchema,
  RulePreviewSchema,
  ScoreBackfillSchema,
  ScoredContactsSchema,
  ScoreModelDraftSchema,
  type ScoreModelIssue,
  ScoreModelListSchema,
  ScoreModelSchema,
  type ScoreModelView,
  type ScoreRuleSchema,
  type ScoringVocabulary,
  ScoringVocabularySchema,
} from '@treeline/core';
import {
  checkedScoreModel,
  type Db,
  deleteScoreModel,
  findScoreModel,
  insertScoreModel,
  latestScoreBackfill,
  listScoredContacts,
  listScoreModels,
  previewScoreRules,
  readContactScore,
  recomputeScores,
  requestScoreBackfill,
  type StoredScoreModel,
  scoreLiftTable,
  scoringVocabulary,
  updateScoreModel,
} from '@treeline/db';
import type { AppEnv } from '../../context';
import { IdParam, jsonContent, problemContent } from '../openapi-content';

const tags = ['scoring'];
const draftBody = {
  body: {
    required: true,
    content: { 'application/json': { schema: ScoreModelDraftSchema } },
  },
};

const vocabularyRoute = createRoute({
  method: 'get',
  path: '/scoring/vocabulary',
  tags,
  summary: 'The properties and events rules can name, from the workspace data',
  responses: { 200: jsonContent(ScoringVocabularySchema, 'What the data knows') },
});
const listRoute = createRoute({
  method: 'get',
  path: '/scoring/models',
  tags,
  summary: "The workspace's score models",
  responses: { 200: jsonContent(ScoreModelListSchema, 'Models') },
});
const getRoute = createRoute({
  method: 'get',
  path: '/scoring/models/{id}',
  tags,
  summary: 'One score model',
  request: { params: IdParam },
  responses: {
    200: jsonContent(ScoreModelSchema, 'The model'),
    404: problemContent('No such model'),
  },
});
const createModelRoute = createRoute({
  method: 'post',
  path: '/scoring/models',
  tags,
  summary: 'Add a score model; its scores are computed at once',
  request: draftBody,
  responses: {
    201: jsonContent(ScoreModelSchema, 'The model'),
    422: problemContent('A rule names an unknown property or event (details.issues)'),
  },
});
const putRoute = createRoute({
  method: 'put',
  path: '/scoring/models/{id}',
  tags,
  summary: 'Replace a score model; its scores are recomputed',
  request: { params: IdParam, ...draftBody },
  responses: {
    200: jsonContent(ScoreModelSchema, 'The model'),
    422: problemContent('A rule names an unknown property or event (details.issues)'),
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/scoring/models/{id}',
  tags,
  summary: 'Delete a score model with its scores (a running backfill stops)',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' } },
});
const previewRoute = createRoute({
  method: 'post',
  path: '/scoring/preview',
  tags,
  summary: 'How many contacts each rule gives points to, with the issues of each rule',
  request: {
    body: { required: true, content: { 'application/json': { schema: RulePreviewRequestSchema } } },
  },
  responses: { 200: jsonContent(RulePreviewSchema, 'Contacts per rule') },
});
const recomputeRoute = createRoute({
  method: 'post',
  path: '/scoring/models/{id}/recompute',
  tags,
  summary: "Recompute every contact's score now",
  request: { params: IdParam },
  responses: { 200: jsonContent(RecomputeOutcomeSchema, 'What changed') },
});
const backfillRoute = createRoute({
  method: 'post',
  path: '/scoring/models/{id}/backfill',
  tags,
  summary: 'Rebuild the score history over the past (runs in the worker)',
  request: { params: IdParam },
  responses: { 202: jsonContent(ScoreBackfillSchema, 'Queued') },
});
const backfillStatusRoute = createRoute({
  method: 'get',
  path: '/scoring/models/{id}/backfill',
  tags,
  summary: "The model's latest backfill and its progress",
  request: { params: IdParam },
  responses: {
    200: jsonContent(z.object({ backfill: ScoreBackfillSchema.nullable() }), 'Progress'),
  },
});
const contactsRoute = createRoute({
  method: 'get',
  path: '/scoring/models/{id}/contacts',
  tags,
  summary: 'The highest-scored contacts',
  request: {
    params: IdParam,
    query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(25) }),
  },
  responses: { 200: jsonContent(ScoredContactsSchema, 'Contacts') },
});
const contactRoute = createRoute({
  method: 'get',
  path: '/scoring/models/{id}/contacts/{contactId}',
  tags,
  summary: "A contact's score, the rules that gave each point, its history and crossings",
  request: {
    params: IdParam.extend({
      contactId: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: 'contactId', in: 'path' } }),
    }),
  },
  responses: {
    200: jsonContent(ContactScoreSchema, 'The score'),
    404: problemContent('No such model, or the contact has no score'),
  },
});
const liftRoute = createRoute({
  method: 'get',
  path: '/scoring/models/{id}/lift',
  tags,
  summary: 'Conversion by band against the overall rate (a backtest with asOf)',
  request: {
    params: IdParam,
    query: z.object({
      asOf: z.iso
        .date()
        .optional()
        .openapi({ description: 'Score as of this day (UTC), then watch conversion' }),
      horizonDays: z.coerce.number().int().min(1).max(730).default(90),
    }),
  },
  responses: { 200: jsonContent(LiftTableSchema, 'The lift table') },
});

async function modelOr404(db: Db, workspaceId: string, id: string): Promise<StoredScoreModel> {
  const model = await findScoreModel(db, workspaceId, id);
  if (!model) throw notFound('Score model', id);
  return model;
}

function modelBody(
  model: StoredScoreModel,
  scoredContacts: number,
  vocabulary: ScoringVocabulary,
): ScoreModelView {
  const check = checkScoreModel(model.draft, vocabulary);
  return {
    ...model.draft,
    id: model.id,
    createdAt: model.createdAt.toISOString(),
    updatedAt: model.updatedAt.toISOString(),
    computedAt: model.computedAt?.toISOString() ?? null,
    scoredContacts,
    warnings: check.issues,
  };
}

async function scoredCount(db: Db, workspaceId: string, id: string) {
  const listed = await listScoreModels(db, workspaceId);
  return listed.find((m) => m.id === id)?.scoredContacts ?? 0;
}

/** Each rule parsed on its own: the preview counts the good ones while others are being typed. */
function previewIssues(rules: readonly unknown[], vocabulary: ScoringVocabulary) {
  const issues: ScoreModelIssue[] = [];
  const good: Array<{ index: number; rule: z.output<typeof ScoreRuleSchema> }> = [];
  rules.forEach((raw, index) => {
    const check = checkScoreModel(
      { name: 'preview', rules: [raw], bands: [{ label: 'All', min: 0 }] },
      vocabulary,
    );
    const own = check.issues.map((issue) => ({ ...issue, rule: index }));
    issues.push(...own);
    const rule = check.model?.rules[0];
    if (rule && !own.some((i) => i.severity === 'error')) good.push({ index, rule });
  });
  return { issues, good };
}

export const scoringRoutes = new OpenAPIHono<AppEnv>()
  .openapi(vocabularyRoute, async (c) => {
    const { db } = c.get('deps');
    return c.json(await scoringVocabulary(db, c.get('workspace').id), 200);
  })
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const vocabulary = await scoringVocabulary(db, workspaceId);
    const models = await listScoreModels(db, workspaceId);
    return c.json({ models: models.map((m) => modelBody(m, m.scoredContacts, vocabulary)) }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const model = await modelOr404(db, workspaceId, c.req.valid('param').id);
    const vocabulary = await scoringVocabulary(db, workspaceId);
    return c.json(modelBody(model, await scoredCount(db, workspaceId, model.id), vocabulary), 200);
  })
  .openapi(createModelRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { draft } = await checkedScoreModel(db, workspaceId, c.req.valid('json'));
    const model = await insertScoreModel(db, workspaceId, draft);
    await recomputeScores(db, workspaceId, model.id);
    const stored = await modelOr404(db, workspaceId, model.id);
    const vocabulary = await scoringVocabulary(db, workspaceId);
    return c.json(modelBody(stored, await scoredCount(db, workspaceId, model.id), vocabulary), 201);
  })
  .openapi(putRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { id } = c.req.valid('param');
    await modelOr404(db, workspaceId, id);
    const { draft } = await checkedScoreModel(db, workspaceId, c.req.valid('json'));
    if (!(await updateScoreModel(db, workspaceId, id, draft))) throw notFound('Score model', id);
    await recomputeScores(db, workspaceId, id);
    const stored = await modelOr404(db, workspaceId, id);
    const vocabulary = await scoringVocabulary(db, workspaceId);
    return c.json(modelBody(stored, await scoredCount(db, workspaceId, id), vocabulary), 200);
  })
  .openapi(deleteRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    if (!(await deleteScoreModel(db, c.get('workspace').id, id))) throw notFound('Score model', id);
    return c.body(null, 204);
  })
  .openapi(previewRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { rules } = c.req.valid('json');
    const vocabulary = await scoringVocabulary(db, workspaceId);
    const { issues, good } = previewIssues(rules, vocabulary);
    const counted = await previewScoreRules(db, workspaceId, { rules: good.map((g) => g.rule) });
    const byIndex = new Map(good.map((g, k) => [g.index, counted.rules[k]?.contacts ?? 0]));
    return c.json(
      {
        rules: rules.map((_, rule) => ({ rule, contacts: byIndex.get(rule) ?? 0 })),
        contacts: counted.contacts,
        issues,
      },
      200,
    );
  })
  .openapi(recomputeRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { id } = c.req.valid('param');
    await modelOr404(db, workspaceId, id);
    const outcome = await recomputeScores(db, workspaceId, id);
    if (!outcome) throw notFound('Score model', id);
    return c.json(outcome, 200);
  })
  .openapi(backfillRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { id } = c.req.valid('param');
    await modelOr404(db, workspaceId, id);
    return c.json(await requestScoreBackfill(db, workspaceId, id), 202);
  })
  .openapi(backfillStatusRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { id } = c.req.valid('param');
    await modelOr404(db, workspaceId, id);
    return c.json({ backfill: await latestScoreBackfill(db, workspaceId, id) }, 200);
  })
  .openapi(contactsRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { id } = c.req.valid('param');
    await modelOr404(db, workspaceId, id);
    const contacts = await listScoredContacts(db, workspaceId, id, c.req.valid('query').limit);
    return c.json({ contacts }, 200);
  })
  .openapi(contactRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { id, contactId } = c.req.valid('param');
    const model = await modelOr404(db, workspaceId, id);
    const score = await readContactScore(db, workspaceId, id, model.draft, contactId);
    if (!score) throw notFound('Contact score', String(contactId));
    return c.json(score, 200);
  })
  .openapi(liftRoute, async (c) => {
    const { db } = c.get('deps');
    const workspaceId = c.get('workspace').id;
    const { id } = c.req.valid('param');
    const { asOf, horizonDays } = c.req.valid('query');
    const model = await modelOr404(db, workspaceId, id);
    const table = await scoreLiftTable(db, workspaceId, id, model.draft, {
      ...(asOf ? { asOf: new Date(`${asOf}T00:00:00Z`), horizonDays } : {}),
    });
    return c.json(table, 200);
  });
