/**
 * The typed Treeline API client: Hono's `hc` over the API's exported app type, so a route's
 * path, parameters, JSON body and response are checked at compile time (the response types
 * are the contract's schemas, packages/core/src/contract/, as the routes declare them). It
 * is also the one place a failed response becomes a Problem (`readProblem`). Used by the
 * web app and by tests.
 */
import type { AppType } from '@treeline/api';
import { type Problem, ProblemSchema } from '@treeline/core';
import { type ClientRequestOptions, type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';

export type TreelineClient = ReturnType<typeof hc<AppType>>;

/** RFC 9457 problem+json, the body of every error response (the contract's type). */
export type { Problem } from '@treeline/core';

/**
 * @example
 * const client = createTreelineClient('http://localhost:3000');
 * const res = await client.api.trees.$get();
 */
export function createTreelineClient(
  baseUrl: string,
  options?: ClientRequestOptions,
): TreelineClient {
  return hc<AppType>(baseUrl, options);
}

/** A failed API call, carrying the problem the server (or the network) reported. */
export class ApiProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }
}

/** What readProblem needs of a response: a fetch Response, or hc's typed view of one. */
export type AnsweredResponse = Pick<Response, 'ok' | 'status' | 'statusText' | 'url' | 'json'>;

/** A body that is a problem in all but what the reader can fill in (type, status, detail). */
const ProblemBodySchema = ProblemSchema.partial({ type: true, status: true, detail: true });

/**
 * The problem a failed response carries, extension members included (a refused import's
 * counts and report address, a conflict's changes). A body that is not problem+json gets a
 * problem saying what the server answered to which path (`requested`, by default the
 * response's own); a gateway error (502–504) with no problem body means the API itself is
 * not reachable, and says so.
 *
 * @example
 * const res = await client.api.trees[':id'].$get({ param: { id } });
 * if (!res.ok) throw new ApiProblem(await readProblem(res));
 */
export async function readProblem(
  response: AnsweredResponse,
  requested: string = pathOf(response.url),
): Promise<Problem> {
  const { status } = response;
  const unreachable = status >= 502 && status <= 504;
  const answered = `The server answered ${status}${requested ? ` to ${requested}` : ''}.`;
  const fallback: Problem = {
    type: 'about:blank',
    title: unreachable
      ? 'The Treeline API is not reachable'
      : response.statusText || `Request failed with status ${status}`,
    status,
    detail: unreachable ? `${answered} Check that the API is running, then retry.` : answered,
  };
  try {
    const body = ProblemBodySchema.safeParse(await response.json());
    if (body.success) return { ...fallback, ...body.data };
  } catch {
    // not JSON: the fallback says what happened
  }
  return fallback;
}

function pathOf(url: string): string {
  if (!url) return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? '';
  }
}

/** The JSON body a successful answer of `R` carries, as the route's schema says. */
export type OkBody<R> =
  R extends ClientResponse<infer Body, infer Status, 'json'>
    ? Status extends SuccessStatusCode
      ? Body
      : never
    : never;

/**
 * The body of a successful response, typed from the route; a failed one is thrown as an
 * ApiProblem carrying its problem.
 *
 * @example
 * const { trees } = await okJson(client.api.trees.$get());
 */
export async function okJson<R extends ClientResponse<unknown, number, 'json'>>(
  pending: R | Promise<R>,
): Promise<OkBody<R>> {
  const response = await pending;
  if (!response.ok) throw new ApiProblem(await readProblem(response));
  // An ok response of R is one of its success statuses, whose body is OkBody<R>; the
  // compiler cannot narrow a generic union by `ok`, so it is told.
  return (await response.json()) as OkBody<R>;
}

/**
 * Waits for a response without a body (a delete's 204); a failed one is thrown as an
 * ApiProblem carrying its problem.
 *
 * @example await expectOk(client.api.trees[':id'].$delete({ param: { id } }));
 */
export async function expectOk(
  pending: AnsweredResponse | Promise<AnsweredResponse>,
): Promise<void> {
  const response = await pending;
  if (!response.ok) throw new ApiProblem(await readProblem(response));
}

/**
 * Turns anything a call can fail with into a problem a person can act on: an ApiProblem's
 * own, or, for a request that never got an answer, that the server could not be reached.
 *
 * @example
 * try { await okJson(client.api.trees.$get()); } catch (error) { show(toProblem(error)); }
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  return {
    type: 'about:blank',
    title: 'Could not reach the Treeline server',
    status: 0,
    detail:
      error instanceof Error && error.message
        ? `${error.message}. Check that the server is running and your connection is up, then retry.`
        : 'Check that the server is running and your connection is up, then retry.',
  };
}
