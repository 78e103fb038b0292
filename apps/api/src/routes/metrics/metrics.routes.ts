/**
 * The metric catalog: built-in (read-only) and custom metrics, and any metric's series over
 * a range, grain, filter and split. Definitions are validated by compiling them: unknown
 * references and cycles are 422 naming them.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type CreateMetricBody,
  CreateMetricBodySchema,
  isDomainError,
  MetricEntrySchema,
  MetricRangeSeriesSchema,
  MetricSeriesQuerySchema,
  type MetricSpec,
  notFound,
  UpdateMetricBodySchema,
} from '@treeline/core';
import {
  createMetric,
  deleteMetric,
  evaluateMetricRange,
  listMetrics,
  updateMetric,
} from '@treeline/db';
import type { AppEnv } from '../../context';
import { FILTER_QUERY_DESCRIPTION, filterFromQuery } from '../filter-query';
import { jsonContent, problemContent } from '../openapi-content';

const KeyParam = z.object({
  key: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'key', in: 'path' }, example: 'activity_per_contact' }),
});

const listRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['metrics'],
  summary: 'The metric catalog: built-in and custom metrics',
  responses: {
    200: jsonContent(
      z.object({ metrics: z.array(MetricEntrySchema) }),
      'Built-in metrics first, then custom ones',
    ),
  },
});

const createMetricRoute = createRoute({
  method: 'post',
  path: '/metrics',
  tags: ['metrics'],
  summary: 'Create a custom metric',
  description:
    'count / count_distinct / sum / avg / percentile of a source with filters, a ratio of two metrics, or a formula over metrics (+ − × ÷, numbers, parentheses). Unknown references, cycles and dimensions a source lacks are 422 naming them.',
  request: {
    body: { content: { 'application/json': { schema: CreateMetricBodySchema } }, required: true },
  },
  responses: {
    201: jsonContent(MetricEntrySchema, 'The metric'),
    400: problemContent('The body is malformed'),
    409: problemContent('The key is a built-in or an existing metric'),
    422: problemContent(
      'The definition does not compile (names the reference, cycle or dimension)',
    ),
  },
});

const updateMetricRoute = createRoute({
  method: 'patch',
  path: '/metrics/{key}',
  tags: ['metrics'],
  summary: 'Change a custom metric',
  request: {
    params: KeyParam,
    body: { content: { 'application/json': { schema: UpdateMetricBodySchema } }, required: true },
  },
  responses: {
    200: jsonContent(MetricEntrySchema, 'The metric'),
    404: problemContent('No such metric'),
    409: problemContent(
      'A built-in metric (read-only), or a change that would keep trees using the metric from validating (named, per node)',
    ),
    422: problemContent('The definition, or a metric that uses it, does not compile'),
  },
});

const deleteMetricRoute = createRoute({
  method: 'delete',
  path: '/metrics/{key}',
  tags: ['metrics'],
  summary: 'Delete a custom metric',
  request: { params: KeyParam },
  responses: {
    204: { description: 'Deleted' },
    404: problemContent('No such metric'),
    409: problemContent('A built-in metric, or one a tree or another metric uses (named)'),
  },
});

const seriesRoute = createRoute({
  method: 'get',
  path: '/metrics/{key}/series',
  tags: ['metrics'],
  summary: "A metric's values per period",
  description: `Periods of \`grain\` in the workspace time zone covering [from, to). At most 1000 periods (ten years of days is refused). ${FILTER_QUERY_DESCRIPTION}`,
  request: {
    params: KeyParam,
    query: MetricSeriesQuerySchema,
  },
  responses: {
    200: jsonContent(MetricRangeSeriesSchema, 'The series'),
    400: problemContent('A parameter is malformed'),
    404: problemContent('No such metric'),
    422: problemContent('Too many periods, an unknown dimension or a bad filter value (named)'),
  },
});

function specOf(key: string, body: CreateMetricBody): MetricSpec {
  return { ...body, key };
}

export const metricRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    return c.json({ metrics: await listMetrics(db, c.get('workspace').id) }, 200);
  })
  .openapi(createMetricRoute, async (c) => {
    const { db } = c.get('deps');
    const body = c.req.valid('json');
    const metric = await createMetric(db, c.get('workspace').id, specOf(body.key, body));
    return c.json(metric, 201);
  })
  .openapi(updateMetricRoute, async (c) => {
    const { db } = c.get('deps');
    const { key } = c.req.valid('param');
    const patch = Object.fromEntries(
      Object.entries(c.req.valid('json')).filter(([, value]) => value !== undefined),
    ) as Partial<Omit<MetricSpec, 'key'>>;
    const metric = await updateMetric(db, c.get('workspace').id, key, patch);
    if (!metric) throw notFound('Metric', key);
    return c.json(metric, 200);
  })
  .openapi(deleteMetricRoute, async (c) => {
    const { db } = c.get('deps');
    const { key } = c.req.valid('param');
    if (!(await deleteMetric(db, c.get('workspace').id, key))) throw notFound('Metric', key);
    return c.body(null, 204);
  })
  .openapi(seriesRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { key } = c.req.valid('param');
    const { from, to, grain, split } = c.req.valid('query');
    try {
      const series = await evaluateMetricRange(db, c.get('workspace'), {
        metricKey: key,
        from,
        to,
        grain,
        filter: filterFromQuery(c.req.url),
        splitBy: split ?? null,
        ...(now ? { now: now() } : {}),
      });
      return c.json(series, 200);
    } catch (error) {
      // The metric itself is missing (not a reference inside its definition): 404.
      if (isDomainError(error, 'unknown_metric') && error.details.reference === undefined) {
        throw notFound('Metric', key);
      }
      throw error;
    }
  });
