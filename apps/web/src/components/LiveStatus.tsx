/** Whether the numbers on screen are live: reconnecting, not refreshed, or updated just now. */

import { Check, RefreshCw } from 'lucide-react';
import type { ReactNode } from 'react';
import { useLiveConnection } from '../server-data/live-data';
import { useRecent } from './use-recent';

/** How long "Updated just now" stays after a live refresh. */
export const JUST_UPDATED_MS = 5000;

/** The freshness of the values on screen, as the screen showing them knows it. */
export interface ValuesFreshness {
  /** When new data last replaced the values on screen (ms since epoch), or null. */
  updatedAt: number | null;
  /** The values could not be re-read: the ones shown are old. */
  stale: null | {
    /** The server was unreachable (vs. answered with an error). */
    unreachable: boolean;
    onRetry: () => void;
  };
}

/**
 * Reconnecting after a drop (or when the values cannot be re-read), "Updated just now"
 * after new data, else nothing. One polite live region, so the change is announced once.
 */
export function LiveStatus({ freshness }: { freshness?: ValuesFreshness | undefined }) {
  const connection = useLiveConnection();
  const stale = freshness?.stale ?? null;
  const justUpdated = useRecent(freshness?.updatedAt ?? null, JUST_UPDATED_MS);
  let content: ReactNode = null;
  if (connection === 'reconnecting' || stale?.unreachable) {
    content = (
      <span
        className="live-status live-status--reconnecting"
        data-testid="live-status"
        data-state="reconnecting"
        title="The connection to the server dropped; the numbers shown may be out of date. Treeline keeps trying and refreshes them when it is back."
      >
        <RefreshCw aria-hidden size={12} className="live-status__spin" />
        Reconnecting…
      </span>
    );
  } else if (stale) {
    content = (
      <span className="live-status live-status--stale" data-testid="live-status" data-state="stale">
        Values not refreshed
        <button type="button" className="live-status__retry" onClick={stale.onRetry}>
          Retry
        </button>
      </span>
    );
  } else if (justUpdated) {
    content = (
      <span
        className="live-status live-status--updated"
        data-testid="live-status"
        data-state="updated"
      >
        <Check aria-hidden size={12} />
        Updated just now
      </span>
    );
  }
  return (
    <output className="live-status-slot" aria-live="polite">
      {content}
    </output>
  );
}
