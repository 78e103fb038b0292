/**
 * The workspace every API call acts in: the one the address names (`#/w/<slug>/…`). The
 * workspace screen sets it as it opens; each call sends it as the `x-treeline-workspace`
 * header (EventSource, which sends no headers, as `?workspace=`), so a user in several
 * workspaces always reads and writes the one on screen (docs/decisions/0037, 0040).
 */

export const WORKSPACE_HEADER = 'x-treeline-workspace';

let current: string | null = null;

/** @example setRequestWorkspace('acme'); */
export function setRequestWorkspace(slug: string | null): void {
  current = slug;
}

/** The slug calls are sent for, or null before a workspace screen opened. */
export function requestWorkspace(): string | null {
  return current;
}

/**
 * `fetchImpl` with the workspace header added to every request.
 *
 * @example createTreelineClient(origin, { fetch: withWorkspace(fetch) });
 */
export function withWorkspace(fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => {
    if (!current) return fetchImpl(input, init);
    const headers = new Headers(init?.headers);
    headers.set(WORKSPACE_HEADER, current);
    return fetchImpl(input, { ...init, headers });
  };
}

/**
 * A URL with the workspace as `?workspace=` (for EventSource).
 *
 * @example workspaceUrl('/api/events') // '/api/events?workspace=acme'
 */
export function workspaceUrl(url: string, slug: string | null = current): string {
  if (!slug) return url;
  return `${url}${url.includes('?') ? '&' : '?'}workspace=${encodeURIComponent(slug)}`;
}
