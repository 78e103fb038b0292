/**
 * What a link from an email brings back. better-auth adds its parameters to the page's
 * query (`/?token=…#/reset-password`), the app keeps its own in the hash's query
 * (`#/sign-in?invitation=expired`), so both are read.
 */

/**
 * @example authParam('?token=abc', '#/reset-password', 'token') // 'abc'
 * @example authParam('', '#/sign-in?invitation=expired', 'invitation') // 'expired'
 */
export function authParam(search: string, hash: string, name: string): string | null {
  const fromPage = new URLSearchParams(search).get(name);
  if (fromPage) return fromPage;
  const query = hash.indexOf('?');
  return query >= 0 ? new URLSearchParams(hash.slice(query + 1)).get(name) : null;
}

/** The page's own query without the link's one-time parameters (so a reload does not reuse them). */
export function dropPageQuery(): void {
  if (typeof window === 'undefined' || !window.location.search) return;
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.hash}`,
  );
}

/**
 * Where to go after signing in: the address asked for (a shared link), or null.
 *
 * @example nextPath('next=%2Fw%2Facme%2Ftrees') // '/w/acme/trees'
 * @example nextPath('next=https%3A%2F%2Fevil.test') // null
 */
export function nextPath(hashQuery: string): string | null {
  const next = new URLSearchParams(hashQuery).get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}
