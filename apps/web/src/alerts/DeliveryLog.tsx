/** A webhook target's deliveries: delivered, waiting, retrying (with the last error) or given up. */
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { useScreenQuery } from '../server-data/use-screen-query';
import { shortDate } from './alert-format';
import { deliveriesQuery } from './alert-queries';

const STATUS_WORDS = {
  pending: 'Waiting to send',
  delivered: 'Delivered',
  retrying: 'Retrying',
  given_up: 'Given up',
} as const;

export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const log = useScreenQuery(deliveriesQuery(webhookId));
  if (log.isPending) return <p className="field__hint">Loading deliveries…</p>;
  if (log.isError)
    return (
      <ProblemState compact problem={toProblem(log.error)} onRetry={() => void log.refetch()} />
    );
  if (log.data.length === 0) {
    return (
      <p className="field__hint">
        Nothing sent yet. Press "Send a test" to check the receiver; alerts arrive here as they are
        raised.
      </p>
    );
  }
  return (
    <table className="delivery-log" data-testid="delivery-log">
      <thead>
        <tr>
          <th>Event</th>
          <th>Status</th>
          <th>Attempts</th>
          <th>Last error</th>
          <th>Queued</th>
        </tr>
      </thead>
      <tbody>
        {log.data.map((d) => (
          <tr key={d.id}>
            <td>{d.eventType}</td>
            <td>
              <span
                className={`status-chip status-chip--${d.status === 'delivered' ? 'good' : d.status === 'given_up' ? 'bad' : 'neutral'}`}
              >
                {STATUS_WORDS[d.status]}
              </span>
            </td>
            <td>{d.attempts}</td>
            <td className="delivery-log__error">{d.lastError ?? '—'}</td>
            <td>{shortDate(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
