/** True for a while after a moment, then false again ("Updated just now"). */
import { useEffect, useState } from 'react';

/** True for `ms` after `since`, then false again. */
export function useRecent(since: number | null, ms: number): boolean {
  // The `since` whose time is up; a newer one starts over.
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (since === null) return;
    const timer = setTimeout(() => setExpired(since), Math.max(0, since + ms - Date.now()));
    return () => clearTimeout(timer);
  }, [since, ms]);
  return since !== null && expired !== since && Date.now() - since < ms;
}
