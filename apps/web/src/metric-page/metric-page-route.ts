/**
 * The address of a metric page: `#/metrics/<key>`, so any screen (the catalog, the node
 * panel) can open one without a prop chain, the page can be linked to, and Back returns.
 */
import { useSyncExternalStore } from 'react';

const PREFIX = '#/metrics/';

/**
 * The metric key a location hash names, or null.
 *
 * @example metricKeyFromHash('#/metrics/activity_per_contact') // 'activity_per_contact'
 * @example metricKeyFromHash('') // null
 */
export function metricKeyFromHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX)) return null;
  const key = decodeURIComponent(hash.slice(PREFIX.length));
  return key === '' ? null : key;
}

/** @example metricPageHref('win_rate') // '#/metrics/win_rate' */
export function metricPageHref(key: string): string {
  return `${PREFIX}${encodeURIComponent(key)}`;
}

/** Opens a metric's page (a new history entry, so Back returns to where it was opened). */
export function openMetricPage(key: string): void {
  window.location.hash = metricPageHref(key).slice(1);
}

/** Leaves the metric page without leaving a `#` behind. */
export function closeMetricPage(): void {
  if (metricKeyFromHash(window.location.hash) === null) return;
  window.history.pushState(null, '', window.location.pathname + window.location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/** The metric whose page is open, or null; re-renders when the address changes. */
export function useMetricPageKey(): string | null {
  return useSyncExternalStore(
    subscribe,
    () => metricKeyFromHash(window.location.hash),
    () => null,
  );
}
