/**
 * Trees: list, create (empty or from a template), read as a draft, save a whole draft
 * against the version it was read at (409 with what changed on a stale version, 422 with
 * per-node and per-edge errors on an invalid tree), rename, delete, and the tree with live
 * values for the canvas.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import {
  CreateTreeBodySchema,
  DomainError,
  isDomainError,
  isKnownDimension,
  notFound,
  RenameTreeBodySchema,
  SaveTreeBodySchema,
  startOfLocalDay,
  TreeConflictSchema,
  type TreeDraft,
  type TreeIssue,
  type TreeRecord,
  TreeRecordSchema,
  TreeSummarySchema,
  TreeValuesQuerySchema,
  type TreeView,
  TreeViewQuerySchema,
  TreeViewSchema,
} from '@treeline/core';
import {
  cachedTreeView,
  createTree,
  deleteTree,
  getTree,
  listTrees,
  renameTree,
  type TreeRecord as StoredTree,
  saveTree,
} from '@treeline/db';
import type { AppEnv } from '../../context';
import { FILTER_QUERY_DESCRIPTION, filterFromQuery } from '../filter-query';
import { IdParam, jsonContent, problemContent, problemOfKind } from '../openapi-content';

const treeJson = (description: string) => jsonContent(TreeRecordSchema, description);

const listRoute = createRoute({
  method: 'get',
  path: '/trees',
  tags: ['trees'],
  summary: 'The trees of the workspace',
  responses: {
    200: jsonContent(
      z.object({ trees: z.array(TreeSummarySchema) }),
      'Trees, most recently changed first',
    ),
  },
});

const createTreeRoute = createRoute({
  method: 'post',
  path: '/trees',
  tags: ['trees'],
  summary: 'Create a tree, empty or from a template',
  request: {
    body: { content: { 'application/json': { schema: CreateTreeBodySchema } }, required: true },
  },
  responses: {
    201: treeJson('The tree at version 1'),
    400: problemContent('The body is malformed'),
    422: problemContent('Unknown template, or an empty tree without a name'),
  },
});

const getTreeRoute = createRoute({
  method: 'get',
  path: '/trees/{id}',
  tags: ['trees'],
  summary: 'A tree as a draft, with its version, errors and hygiene warnings',
  request: { params: IdParam },
  responses: { 200: treeJson('The tree'), 404: problemContent('No such tree') },
});

const saveTreeRoute = createRoute({
  method: 'put',
  path: '/trees/{id}',
  tags: ['trees'],
  summary: 'Save a whole draft against the version it was read at',
  description:
    'Replaces nodes, edges and owners in one transaction and bumps the version. Node and edge ids already in the tree are kept; other ids are references within the draft and get real ids (returned). A stale version is a 409 saying what changed since; an invalid tree is a 422 with one error per node or edge.',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: SaveTreeBodySchema } }, required: true },
  },
  responses: {
    200: treeJson('The saved tree, at its new version'),
    400: problemContent('The body is malformed'),
    404: problemContent('No such tree'),
    409: problemOfKind(
      TreeConflictSchema,
      'The tree changed since the version in the body: what changed',
    ),
    422: problemContent(
      'The tree is invalid: `errors` holds one entry per node or edge (path nodes.<i> / edges.<i>)',
    ),
  },
});

const renameTreeRoute = createRoute({
  method: 'patch',
  path: '/trees/{id}',
  tags: ['trees'],
  summary: 'Rename a tree (a new version)',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: RenameTreeBodySchema } }, required: true },
  },
  responses: { 200: treeJson('The renamed tree'), 404: problemContent('No such tree') },
});

const deleteTreeRoute = createRoute({
  method: 'delete',
  path: '/trees/{id}',
  tags: ['trees'],
  summary: 'Delete a tree with its nodes, edges and owners',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 404: problemContent('No such tree') },
});

const valuesRoute = createRoute({
  method: 'get',
  path: '/trees/{id}/values',
  tags: ['trees'],
  summary: "Evaluate a tree over a range: every node's value per period, change, contributions",
  description: `Every period of \`grain\` overlapping [from, to) in the workspace's time zone: per node its values, numerators/denominators, the change of the last period against the one before, each child's contribution to that change, residuals and band status. A date is local midnight in the workspace zone. More than 1000 periods (ten years of days) is a 422. ${FILTER_QUERY_DESCRIPTION}`,
  request: {
    params: IdParam,
    query: TreeValuesQuerySchema,
  },
  responses: {
    200: jsonContent(TreeViewSchema, 'The tree with values per period of the range'),
    404: problemContent('No such tree'),
    422: problemContent(
      'An empty or reversed range, too many periods, or an unknown filter dimension',
    ),
  },
});

const viewRoute = createRoute({
  method: 'get',
  path: '/trees/{id}/view',
  tags: ['trees'],
  summary: 'A tree with live values for one period, compared with another',
  description: `The focus period is the last complete period of \`grain\`, or the one holding \`at\` (a local date in the workspace's time zone); a date in the current, unfinished period or later shows the last complete period (\`latestPeriod\`), never a partial one. Changes and edge contributions compare the focus period with \`previousPeriod\`: the period before (\`compare=previous\`, default) or the same period a year earlier (\`compare=year\`: 52 weeks, 12 months or 4 quarters back). The series ends with the focus period. ${FILTER_QUERY_DESCRIPTION} A tree-wide filter narrows every node; a node's own filter wins on the same dimension.`,
  request: {
    params: IdParam,
    query: TreeViewQuerySchema,
  },
  responses: {
    200: jsonContent(TreeViewSchema, 'The tree with values'),
    404: problemContent('No such tree'),
    422: problemContent('`at` is not a date, or the filter names a dimension no metric has'),
  },
});

/** The tree-wide filter of a request, every dimension checked. */
function checkedFilter(url: string) {
  const filter = filterFromQuery(url);
  for (const dimension of Object.keys(filter)) {
    if (!isKnownDimension(dimension)) {
      throw new DomainError('unknown_dimension', `filter: unknown dimension "${dimension}"`, {
        dimension,
      });
    }
  }
  return filter;
}

/** The record as JSON: the draft's fields beside the version. */
function treeBody(tree: StoredTree): TreeRecord {
  const { draft, ...rest } = tree;
  return { ...rest, ...draft };
}

/** Gives each error of an invalid tree the path of its node or edge in the request body. */
function withBodyPaths(error: unknown, draft: TreeDraft): unknown {
  if (!isDomainError(error, 'invalid_tree')) return error;
  const issues = (error.details.errors ?? []) as TreeIssue[];
  const pathOf = (issue: TreeIssue) => {
    const edge =
      issue.edgeId === undefined ? -1 : draft.edges.findIndex((e) => e.id === issue.edgeId);
    if (edge >= 0) return `edges.${edge}`;
    const node =
      issue.nodeId === undefined ? -1 : draft.nodes.findIndex((n) => n.id === issue.nodeId);
    return node >= 0 ? `nodes.${node}` : '';
  };
  return new DomainError(error.code, error.message, {
    ...error.details,
    errors: issues.map((issue) => ({ path: pathOf(issue), ...issue })),
  });
}

export const treeRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    return c.json({ trees: await listTrees(db, c.get('workspace').id) }, 200);
  })
  .openapi(createTreeRoute, async (c) => {
    const { db } = c.get('deps');
    const tree = await createTree(db, c.get('workspace'), c.req.valid('json'));
    return c.json(treeBody(tree), 201);
  })
  .openapi(getTreeRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const tree = await getTree(db, c.get('workspace'), id);
    if (!tree) throw notFound('Tree', id);
    return c.json(treeBody(tree), 200);
  })
  .openapi(saveTreeRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const { version, ...draft } = c.req.valid('json');
    let tree: StoredTree | null;
    try {
      tree = await saveTree(db, c.get('workspace'), id, { version, draft });
    } catch (error) {
      throw withBodyPaths(error, draft);
    }
    if (!tree) throw notFound('Tree', id);
    return c.json(treeBody(tree), 200);
  })
  .openapi(renameTreeRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const tree = await renameTree(db, c.get('workspace'), id, c.req.valid('json').name);
    if (!tree) throw notFound('Tree', id);
    return c.json(treeBody(tree), 200);
  })
  .openapi(deleteTreeRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    if (!(await deleteTree(db, c.get('workspace'), id))) throw notFound('Tree', id);
    return c.body(null, 204);
  })
  .openapi(valuesRoute, async (c) => {
    const { db, now, treeViewCache } = c.get('deps');
    const workspace = c.get('workspace');
    const { id } = c.req.valid('param');
    const { from, to, grain } = c.req.valid('query');
    const filter = checkedFilter(c.req.url);
    const edge = (value: string) => {
      const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!date) return new Date(value).toISOString();
      const [, year, month, day] = date.map(Number) as [number, number, number, number];
      return new Date(startOfLocalDay({ year, month, day }, workspace.time_zone)).toISOString();
    };
    const view: TreeView | null = await cachedTreeView(
      db,
      workspace,
      id,
      {
        grain,
        range: { from: edge(from), to: edge(to) },
        ...(Object.keys(filter).length > 0 ? { filter } : {}),
        ...(now ? { now: now() } : {}),
      },
      treeViewCache,
    );
    if (!view) throw notFound('Tree', id);
    return c.json(view, 200);
  })
  .openapi(viewRoute, async (c) => {
    const { db, now, treeViewCache } = c.get('deps');
    const { id } = c.req.valid('param');
    const { grain, periods, at, compare } = c.req.valid('query');
    const filter = checkedFilter(c.req.url);
    // Unchanged tree and data: served from the cache (keyed by tree and data versions).
    const view: TreeView | null = await cachedTreeView(
      db,
      c.get('workspace'),
      id,
      {
        grain,
        periods,
        compare,
        ...(at !== undefined ? { at } : {}),
        ...(Object.keys(filter).length > 0 ? { filter } : {}),
        ...(now ? { now: now() } : {}),
      },
      treeViewCache,
    );
    if (!view) throw notFound('Tree', id);
    return c.json(view, 200);
  });
