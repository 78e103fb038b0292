/**
 * The pieces every route description repeats: a JSON body of a contract schema, a
 * problem+json answer, and the path parameters the routes share.
 */
import { z } from '@hono/zod-openapi';
import { ProblemSchema } from '@treeline/core';

/**
 * A JSON response of `schema`.
 *
 * @example responses: { 200: jsonContent(TreeViewSchema, 'The tree with values') }
 */
export function jsonContent<S extends z.ZodType>(schema: S, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/**
 * A problem+json response (RFC 9457) of a kind with its own members: a stale save's
 * changes, a refused import's counts.
 *
 * @example responses: { 409: problemOfKind(TreeConflictSchema, 'The tree changed since') }
 */
export function problemOfKind<S extends z.ZodType>(schema: S, description: string) {
  return { content: { 'application/problem+json': { schema } }, description };
}

/**
 * A problem+json response: the contract's Problem.
 *
 * @example responses: { 404: problemContent('No such tree') }
 */
export function problemContent(description: string) {
  return problemOfKind(ProblemSchema, description);
}

/** `{id}`: a tree, import or saved mapping. */
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
