/**
 * Live data for open screens: one EventSource per app on GET /api/events. Every committed
 * import and counting-setting change of the workspace arrives as `data-changed`; screens refetch when `dataVersion`
 * (a local counter, not the server's) moves. A dropped connection is reported as
 * `reconnecting` and retried with backoff; recovering bumps `dataVersion` once, since data
 * may have changed while nobody was listening.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * What `data-changed` carries: the import and its entity (null for a counting-setting
 * change) and the server's data version.
 */
export interface DataChange {
  importId: string | null;
  entity: string | null;
  dataVersion: number;
  changedFrom: string | null;
  changedTo: string | null;
}

/** `connecting` before the first answer; `live` while the stream is open. */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

export interface LiveDataState {
  connection: LiveConnection;
  /** Bumped after every data change and after recovering from a drop; refetch when it moves. */
  dataVersion: number;
  /** The last change the server announced (null after a recovery or before any). */
  lastChange: DataChange | null;
}

export const useLiveDataStore = create<LiveDataState>()(() => ({
  connection: 'connecting',
  dataVersion: 0,
  lastChange: null,
}));

/** The local data version: use it in a resource key (or an effect) to refetch on new data. */
export const useDataVersion = () => useLiveDataStore((state) => state.dataVersion);

/** Whether the live connection is up, for the top bar. */
export const useLiveConnection = () => useLiveDataStore((state) => state.connection);

/**
 * Calls `listener` after every data change (and after a recovery, with `null`); returns
 * the unsubscribe function.
 *
 * @example useEffect(() => onDataChanged(() => reload()), [reload]);
 */
export function onDataChanged(listener: (change: DataChange | null) => void): () => void {
  return useLiveDataStore.subscribe((state, previous) => {
    if (state.dataVersion !== previous.dataVersion) listener(state.lastChange);
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
  setState?: (patch: Partial<LiveDataState>) => void;
  getState?: () => LiveDataState;
}

const defaultRetryDelay = (attempt: number) => Math.min(15_000, 1000 * 2 ** attempt);

/**
 * Opens the live connection and keeps it open until the returned function is called.
 *
 * @example const stop = connectLiveData(); // later: stop();
 */
export function connectLiveData(options: LiveDataOptions = {}): () => void {
  const url = options.url ?? '/api/events';
  const open = options.open ?? ((u: string) => new EventSource(u));
  const network = options.network ?? (typeof window === 'undefined' ? undefined : window);
  const retryDelay = options.retryDelay ?? defaultRetryDelay;
  const setState = options.setState ?? ((patch) => useLiveDataStore.setState(patch));
  const getState = options.getState ?? (() => useLiveDataStore.getState());

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
      setState({
        connection: 'live',
        dataVersion: getState().dataVersion + 1,
        lastChange: null,
      });
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
      let change: DataChange | null = null;
      try {
        change = JSON.parse(String(event.data)) as DataChange;
      } catch {
        // A change we cannot read is still a change: refetch all the same.
      }
      setState({ dataVersion: getState().dataVersion + 1, lastChange: change });
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

/** Opens the app's one live connection while the calling component (the shell) is mounted. */
export function useLiveDataConnection(url = '/api/events'): void {
  useEffect(() => connectLiveData({ url }), [url]);
}
