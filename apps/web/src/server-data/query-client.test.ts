import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createAppQueryClient } from './query-client';

/** Mounts a reader of `key` and waits until it has settled; returns how often it was read. */
async function mount(
  queryClient: ReturnType<typeof createAppQueryClient>,
  reads: { count: number },
  options: { refetchOnMount?: boolean } = {},
) {
  const observer = new QueryObserver(queryClient, {
    queryKey: ['metrics'],
    queryFn: async () => ++reads.count,
    ...options,
  });
  const unsubscribe = observer.subscribe(() => {});
  await expect.poll(() => queryClient.isFetching(), { timeout: 2000, interval: 5 }).toBe(0);
  unsubscribe();
  return observer.getCurrentResult().data;
}

describe('the app query cache', () => {
  it('lets a reader take the cache, a screen read again, and an invalidation reach every reader', async () => {
    const queryClient = createAppQueryClient();
    const reads = { count: 0 };
    expect(await mount(queryClient, reads)).toBe(1);
    // A panel or card mounting sends nothing new.
    expect(await mount(queryClient, reads)).toBe(1);
    // A screen opening reads its data again (useScreenQuery).
    expect(await mount(queryClient, reads, { refetchOnMount: true })).toBe(2);
    // Once invalidated (new data, a write), the next reader reads it again too.
    await queryClient.invalidateQueries({ queryKey: ['metrics'] });
    expect(await mount(queryClient, reads)).toBe(3);
  });

  it("does not retry a failed read behind the person's back", async () => {
    const queryClient = createAppQueryClient();
    let calls = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: ['workspace'],
      queryFn: async () => {
        calls += 1;
        throw new Error('down');
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    await expect.poll(() => observer.getCurrentResult().status, { timeout: 2000 }).toBe('error');
    unsubscribe();
    expect(calls).toBe(1);
  });
});
