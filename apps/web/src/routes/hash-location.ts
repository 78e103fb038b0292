/**
 * The app's address lives in the hash, path and query both: `#/trees/<id>?grain=week`.
 * wouter's own hash hook sends a `?query` to the page's search instead, so this is the
 * location hook the router is given (decision 0034): the path for matching, the hash's
 * query for `useHashSearch`, and navigation that writes both into the hash.
 */
import { useSyncExternalStore } from 'react';

/**
 * The path part of a hash, with a leading slash.
 *
 * @example hashPath('#/trees/t1?grain=week') // '/trees/t1'
 * @example hashPath('') // '/'
 */
export function hashPath(hash: string): string {
  const raw = hash.replace(/^#?\/?/, '');
  const query = raw.indexOf('?');
  return `/${query >= 0 ? raw.slice(0, query) : raw}`;
}

/**
 * The query part of a hash, without its `?`.
 *
 * @example hashSearch('#/trees/t1?grain=week') // 'grain=week'
 */
export function hashSearch(hash: string): string {
  const query = hash.indexOf('?');
  return query >= 0 ? hash.slice(query + 1) : '';
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/**
 * Goes to `to` (a path with an optional query): a new history entry, or in place with
 * `replace` (the tree screen's controls, so Back leaves the screen in one step).
 *
 * @example navigateHash('/metrics/win_rate');
 */
export function navigateHash(to: string, options: { replace?: boolean; state?: unknown } = {}) {
  const hash = `#${to.startsWith('/') ? to : `/${to}`}`;
  if (window.location.hash === hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (options.replace) window.history.replaceState(options.state ?? null, '', url);
  else window.history.pushState(options.state ?? null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The location hook for wouter's Router: the hash's path, and navigateHash. */
export function useHashLocation(): [string, typeof navigateHash] {
  return [
    useSyncExternalStore(
      subscribe,
      () => hashPath(window.location.hash),
      () => '/',
    ),
    navigateHash,
  ];
}
useHashLocation.hrefs = (href: string) => `#${href}`;

/** The hash's query string (what the tree screen's controls are read from). */
export function useHashSearch(): string {
  return useSyncExternalStore(
    subscribe,
    () => hashSearch(window.location.hash),
    () => '',
  );
}
useHashLocation.searchHook = useHashSearch;
