import { type QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { connectLiveData, type EventSourceLike, invalidateDataQueries } from './live-data';
import { createAppQueryClient } from './query-client';
import { queryKeys } from './query-keys';

/** An EventSource the test drives: open it, send it events. */
class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  private listeners = new Map<string, Array<(event: MessageEvent) => void>>();
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? [])
      listener(new MessageEvent(type, { data }));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
}

/** A query on screen whose answer is the server's data version of the moment it was read. */
function watch(
  queryClient: QueryClient,
  queryKey: readonly unknown[],
  server: { version: number },
) {
  const reads: number[] = [];
  const observer = new QueryObserver(queryClient, {
    queryKey,
    queryFn: async () => {
      reads.push(server.version);
      return server.version;
    },
  });
  const seen: Array<number | undefined> = [];
  const unsubscribe = observer.subscribe((result) => seen.push(result.data));
  return { reads, seen, unsubscribe, current: () => observer.getCurrentResult() };
}

const settle = (queryClient: QueryClient) =>
  expect.poll(() => queryClient.isFetching(), { timeout: 2000, interval: 5 }).toBe(0);

describe('the live stream invalidates data queries', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('refetches the tree view on screen after a data change, and leaves the catalog alone', async () => {
    const queryClient = createAppQueryClient();
    const server = { version: 1 };
    const treeView = watch(
      queryClient,
      queryKeys.treeView('t1', 3, { grain: 'month', at: null, compare: 'previous', filter: null }),
      server,
    );
    const metrics = watch(queryClient, queryKeys.metrics(), server);
    await settle(queryClient);
    expect(treeView.current().data).toBe(1);

    const sources: FakeSource[] = [];
    stop = connectLiveData({
      network: new EventTarget(),
      open: () => {
        const source = new FakeSource();
        sources.push(source);
        return source;
      },
      onDataChanged: () => void invalidateDataQueries(queryClient),
    });
    sources[0]!.open();
    server.version = 2;
    sources[0]!.emit(
      'data-changed',
      JSON.stringify({ importId: 'i1', entity: 'activities', dataVersion: 2 }),
    );
    await settle(queryClient);

    expect(treeView.reads).toEqual([1, 2]);
    expect(treeView.current().data).toBe(2);
    // Refetched in place: the old value stayed until the new one landed.
    expect(treeView.seen.slice(treeView.seen.indexOf(1))).not.toContain(undefined);
    expect(metrics.reads).toEqual([1]);
    treeView.unsubscribe();
    metrics.unsubscribe();
  });

  it('refetches after recovering from a drop, and marks views not on screen stale', async () => {
    const queryClient = createAppQueryClient();
    const server = { version: 1 };
    const open = watch(
      queryClient,
      queryKeys.treeView('t1', 1, { grain: 'week', at: null, compare: 'year', filter: null }),
      server,
    );
    await queryClient.fetchQuery({
      queryKey: queryKeys.imports(),
      queryFn: async () => server.version,
    });
    await settle(queryClient);

    const sources: FakeSource[] = [];
    stop = connectLiveData({
      network: new EventTarget(),
      retryDelay: () => 0,
      open: () => {
        const source = new FakeSource();
        sources.push(source);
        return source;
      },
      onDataChanged: () => void invalidateDataQueries(queryClient),
    });
    sources[0]!.open();
    sources[0]!.fail();
    server.version = 5;
    await expect.poll(() => sources.length, { timeout: 2000, interval: 5 }).toBe(2);
    sources[1]!.open();
    await settle(queryClient);

    expect(open.reads).toEqual([1, 5]);
    expect(queryClient.getQueryState(queryKeys.imports())?.isInvalidated).toBe(true);
    open.unsubscribe();
  });
});
