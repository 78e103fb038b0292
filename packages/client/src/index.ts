/**
 * The typed Treeline API client: Hono's `hc` over the API's exported app type, so a route's
 * path, parameters and JSON body are checked at compile time. Used by the web app, the CLI
 * and end-to-end tests.
 */
import type { AppType, Problem } from '@treeline/api';
import { type ClientRequestOptions, hc } from 'hono/client';

export type TreelineClient = ReturnType<typeof hc<AppType>>;

/** RFC 9457 problem+json, the body of every error response (the API's own type). */
export type { Problem } from '@treeline/api';

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

/**
 * The problem a failed response carries, extension members included (a refused import's
 * counts and report address, a conflict's changes), or a generic one when the body is not
 * problem+json.
 */
export async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (typeof body.title === 'string') {
      return {
        ...body,
        type: body.type ?? 'about:blank',
        title: body.title,
        status: body.status ?? response.status,
        detail: body.detail ?? '',
      };
    }
  } catch {
    // not JSON: fall through
  }
  return {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: '',
  };
}
