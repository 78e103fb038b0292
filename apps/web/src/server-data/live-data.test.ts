import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectLiveData,
  type DataChange,
  type EventSourceLike,
  type LiveDataState,
  useLiveDataStore,
} from './live-data';

class FakeSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Array<(event: MessageEvent) => void>>();
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
    this.emit('ready', '{}');
  }
  emit(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? [])
      listener(new MessageEvent(type, { data }));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
}

function network() {
  const target = new EventTarget();
  return Object.assign(target, { navigator: { onLine: true } });
}

describe('connectLiveData', () => {
  let sources: FakeSource[];
  let stop: () => void;
  let heard: Array<DataChange | null>;
  const state = (): LiveDataState => useLiveDataStore.getState();

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    heard = [];
    useLiveDataStore.setState({ connection: 'connecting', changedAt: null, lastChange: null });
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  const start = (net = network()) => {
    stop = connectLiveData({
      network: net,
      onDataChanged: (change) => heard.push(change),
      now: () => 1000 + heard.length,
      open: () => {
        const source = new FakeSource();
        sources.push(source);
        return source;
      },
    });
    return net;
  };

  it('is live once the stream opens, and tells of every data change', () => {
    start();
    expect(state().connection).toBe('connecting');
    sources[0]!.open();
    expect(state()).toMatchObject({ connection: 'live', changedAt: null });
    const change = {
      importId: 'i1',
      entity: 'activities',
      dataVersion: 7,
      changedFrom: null,
      changedTo: null,
    };
    sources[0]!.emit('data-changed', JSON.stringify(change));
    expect(state()).toMatchObject({ changedAt: 1000, lastChange: change });
    // A change it cannot read is still a change.
    sources[0]!.emit('data-changed', 'not json');
    expect(heard).toEqual([change, null]);
    expect(state()).toMatchObject({ changedAt: 1001, lastChange: null });
  });

  it('reconnects after a drop with backoff, and refetches once on recovery', () => {
    start();
    sources[0]!.open();
    sources[0]!.fail();
    expect(state().connection).toBe('reconnecting');
    expect(sources[0]!.closed).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(sources).toHaveLength(2);
    sources[1]!.fail();
    vi.advanceTimersByTime(1999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(3);
    expect(heard).toEqual([]);
    sources[2]!.open();
    expect(state().connection).toBe('live');
    expect(heard).toEqual([null]);
  });

  it('reports going offline at once and reconnects as soon as the network is back', () => {
    const net = start();
    sources[0]!.open();
    net.dispatchEvent(new Event('offline'));
    expect(state().connection).toBe('reconnecting');
    net.dispatchEvent(new Event('online'));
    expect(sources).toHaveLength(2);
    sources[1]!.open();
    expect(state().connection).toBe('live');
    expect(heard).toEqual([null]);
  });

  it('closes the stream and retries no more once stopped', () => {
    start();
    sources[0]!.fail();
    stop();
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
  });
});
