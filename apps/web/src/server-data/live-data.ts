/**
 * Live data for open screens: one EventSource per app on GET /api/events. Every committed
 * import and counting-setting change of the workspace arrives as `data-changed`
 * (carrying the server's data version), and the queries of data-dependent resources
 * (query-keys.ts DATA_RESOURCES) are invalidated: the ones on screen refetch in place, the
 * others when next shown. A dropped connection is reported as `reconnecting` and retried
 * with backoff; recovering invalidates them once, since data may have changed while nobody
 * was listening.
 */
import type { QueryClient } from '@tanstack/react-query';
import { type DataChanged, DataChangedSchema } from '@treeline/core';
import { useEffect } from 'react';
import { create } from 'zustand';
import { isDataQueryKey, isNotificationQueryKey } from './query-keys';

/**
 * What `data-changed` carries: the import and its entity (null for a counting-setting
 * change) and the server's data version (the contract's DataChanged).
 */
export type DataChange = DataChanged;

function readDataChange(data: string): DataChange | null {
  try {
    return DataChangedSchema.safeParse(JSON.parse(data)).data ?? null;
  } catch {
    return null;
  }
}

/** `connecting` before the first answer; `live` while the stream is open. */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

export interface LiveDataState {
  connection: LiveConnection;
  /** When the data last changed as far as this page knows (a change or a recovery), or null. */
  changedAt: number | null;
  /** The last change the server announced (null after a recovery or before any). */
  lastChange: DataChange | null;
}

/** The connection's state (not the data: that lives in the query cache). */
export const useLiveDataStore = create<LiveDataState>()(() => ({
  connection: 'connecting',
  changedAt: null,
  lastChange: null,
}));

/** Whether the live connection is up, for the top bar. */
export const useLiveConnection = () => useLiveDataStore((state) => state.connection);

/** When the data last changed (ms since epoch), or null: for "Updated just now". */
export const useDataChangedAt = () => useLiveDataStore((state) => state.changedAt);

/**
 * Marks every data-dependent query stale; those on screen refetch at once.
 *
 * @example await invalidateDataQueries(queryClient);
 */
export function invalidateDataQueries(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => isDataQueryKey(query.queryKey) });
}

/**
 * Marks the inbox and the alerts stale (new notifications mean new or escalated alerts).
 *
 * @example await invalidateNotificationQueries(queryClient);
 */
export function invalidateNotificationQueries(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => isNotificationQueryKey(query.queryKey),
  });
}

/** The slice of EventSource the connection uses, so tests can hand in a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface LiveDataOptions {
  url?: string;
  open?: (url: string) => EventSourceLike;
  /** Where `online`/`offline` events come from (window in the browser). */
  network?: Pick<Window, 'addEventListener' | 'removeEventListener'> & {
    navigator?: { onLine: boolean };
  };
  /** Waits before each retry, in ms: 1 s, 2 s, 4 s … at most 15 s. */
  retryDelay?: (attempt: number) => number;
  /** Called after every data change, and after a recovery with null. */
  onDataChanged?: (change: DataChange | null) => void;
  /** Called when notifications were added to the signed-in person's inbox (and on recovery). */
  onNotificationsChanged?: () => void;
  setState?: (patch: Partial<LiveDataState>) => void;
  getState?: () => LiveDataState;
  now?: () => number;
}

const defaultRetryDelay = (attempt: number) => Math.min(15_000, 1000 * 2 ** attempt);

/**
 * Opens the live connection and keeps it open until the returned function is called.
 *
 * @example const stop = connectLiveData({ onDataChanged: () => invalidateDataQueries(queryClient) });
 */
export function connectLiveData(options: LiveDataOptions = {}): () => void {
  const url = options.url ?? '/api/events';
  const open = options.open ?? ((u: string) => new EventSource(u));
  const network = options.network ?? (typeof window === 'undefined' ? undefined : window);
  const retryDelay = options.retryDelay ?? defaultRetryDelay;
  const setState = options.setState ?? ((patch) => useLiveDataStore.setState(patch));
  const getState = options.getState ?? (() => useLiveDataStore.getState());
  const now = options.now ?? Date.now;
  const changed = (change: DataChange | null) => {
    setState({ changedAt: now(), lastChange: change });
    options.onDataChanged?.(change);
    // A recovery may have missed notifications too.
    if (change === null) options.onNotificationsChanged?.();
  };

  let source: EventSourceLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  /** Whether a drop happened since the stream was last open: recovering means refetching. */
  let dropped = false;
  let stopped = false;

  function clearRetry() {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function markOpen() {
    attempt = 0;
    if (getState().connection === 'live') return;
    if (dropped) {
      dropped = false;
      setState({ connection: 'live' });
      changed(null);
    } else {
      setState({ connection: 'live' });
    }
  }

  function connect() {
    clearRetry();
    if (stopped) return;
    source?.close();
    const current = open(url);
    source = current;
    current.onopen = () => {
      if (source === current) markOpen();
    };
    current.addEventListener('ready', () => {
      if (source === current) markOpen();
    });
    current.addEventListener('data-changed', (event) => {
      if (source !== current) return;
      // A change we cannot read is still a change: refetch all the same.
      changed(readDataChange(String(event.data)));
    });
    current.addEventListener('notifications-changed', () => {
      if (source === current) options.onNotificationsChanged?.();
    });
    current.onerror = () => {
      if (source !== current) return;
      drop();
    };
  }

  /** The stream is gone (or the network is): say so, close, and try again after a pause. */
  function drop() {
    dropped = true;
    if (getState().connection !== 'reconnecting') setState({ connection: 'reconnecting' });
    // The browser would retry on its own, but not after a refused answer (readyState
    // CLOSED); owning the retry keeps one behaviour for every kind of drop.
    source?.close();
    source = null;
    clearRetry();
    if (stopped) return;
    retryTimer = setTimeout(connect, retryDelay(attempt));
    attempt += 1;
  }

  const onOffline = () => drop();
  const onOnline = () => {
    attempt = 0;
    connect();
  };
  network?.addEventListener('offline', onOffline);
  network?.addEventListener('online', onOnline);

  if (network?.navigator && !network.navigator.onLine) drop();
  else connect();

  return () => {
    stopped = true;
    clearRetry();
    source?.close();
    source = null;
    network?.removeEventListener('offline', onOffline);
    network?.removeEventListener('online', onOnline);
  };
}

/**
 * Opens the app's one live connection while the calling component (the shell) is mounted;
 * each change invalidates the data-dependent queries of `queryClient`.
 */
export function useLiveDataConnection(queryClient: QueryClient, url = '/api/events'): void {
  useEffect(
    () =>
      connectLiveData({
        url,
        onDataChanged: () => void invalidateDataQueries(queryClient),
        onNotificationsChanged: () => void invalidateNotificationQueries(queryClient),
      }),
    [queryClient, url],
  );
}
