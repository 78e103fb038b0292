/**
 * Interventions and their verdicts (docs/product.md §6): the list (by tree, node, owner,
 * verdict, status), one with its weekly series and verdict history, and logging, editing and
 * closing one. Anyone in the workspace reads them; editors write (route-roles.ts defaults).
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import {
  InterventionCreateSchema,
  InterventionDetailSchema,
  InterventionListQuerySchema,
  InterventionListSchema,
  InterventionPatchSchema,
  InterventionSchema,
} from '@treeline/core';
import {
  closeIntervention,
  createIntervention,
  editIntervention,
  interventionDetail,
  listInterventionViews,
} from '@treeline/db';
import type { AppEnv } from '../../context';
import { IdParam, jsonContent, problemContent } from '../openapi-content';

const listRoute = createRoute({
  method: 'get',
  path: '/interventions',
  tags: ['interventions'],
  summary: 'Interventions, newest start first, with their latest verdicts',
  request: { query: InterventionListQuerySchema },
  responses: { 200: jsonContent(InterventionListSchema, 'Interventions') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/interventions/{id}',
  tags: ['interventions'],
  summary: "One intervention with its target's weekly series and its verdict history",
  request: { params: IdParam },
  responses: {
    200: jsonContent(InterventionDetailSchema, 'The intervention'),
    404: problemContent('No such intervention'),
  },
});

const createInterventionRoute = createRoute({
  method: 'post',
  path: '/interventions',
  tags: ['interventions'],
  summary: 'Log an intervention; its first verdict is computed at once',
  request: {
    body: { required: true, content: { 'application/json': { schema: InterventionCreateSchema } } },
  },
  responses: {
    201: jsonContent(InterventionSchema, 'The intervention as logged'),
    422: problemContent('A field is invalid (named in the message), or the scopes overlap'),
  },
});

const editRoute = createRoute({
  method: 'patch',
  path: '/interventions/{id}',
  tags: ['interventions'],
  summary: 'Edit an intervention; its verdicts are computed again',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: InterventionPatchSchema } } },
  },
  responses: {
    200: jsonContent(InterventionSchema, 'The intervention as edited'),
    404: problemContent('No such intervention'),
    422: problemContent('A field is invalid (named in the message), or the scopes overlap'),
  },
});

const closeRoute = createRoute({
  method: 'post',
  path: '/interventions/{id}/close',
  tags: ['interventions'],
  summary: 'Close an intervention: its verdicts stay and are no longer recomputed',
  request: { params: IdParam },
  responses: {
    200: jsonContent(InterventionSchema, 'The intervention, closed'),
    404: problemContent('No such intervention'),
  },
});

export const interventionRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const query = c.req.valid('query');
    const interventions = await listInterventionViews(db, c.get('workspace').id, query);
    return c.json({ interventions }, 200);
  })
  .openapi(getRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { id } = c.req.valid('param');
    const detail = await interventionDetail(db, c.get('workspace'), id, now?.() ?? new Date());
    return c.json(detail, 200);
  })
  .openapi(createInterventionRoute, async (c) => {
    const { db, now } = c.get('deps');
    const body = c.req.valid('json');
    const created = await createIntervention(
      db,
      c.get('workspace'),
      body,
      c.get('person')?.id ?? null,
      now?.() ?? new Date(),
    );
    return c.json(created, 201);
  })
  .openapi(editRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { id } = c.req.valid('param');
    const edited = await editIntervention(
      db,
      c.get('workspace'),
      id,
      c.req.valid('json'),
      now?.() ?? new Date(),
    );
    return c.json(edited, 200);
  })
  .openapi(closeRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { id } = c.req.valid('param');
    const closed = await closeIntervention(db, c.get('workspace').id, id, now?.() ?? new Date());
    return c.json(closed, 200);
  });
