/**
 * A node's alert history in its panel: every alert of the node, backfilled history included,
 * newest period first, each opening its alert; or what to expect when there is none.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { paths } from '../routes/paths';
import { STATUS_LABEL, shortDate, TONE_LABEL } from './alert-format';
import { alertsQuery } from './alert-queries';

export function NodeAlertHistory({ treeId, nodeId }: { treeId: string; nodeId: string }) {
  const history = useQuery(alertsQuery({ treeId, nodeId }));
  const alerts = history.data ?? [];
  return (
    <section className="panel__section" aria-label="Alert history">
      <h3 className="panel__subtitle">Alert history</h3>
      {history.isPending ? (
        <p className="field__hint">Loading…</p>
      ) : alerts.length === 0 ? (
        <p className="field__hint">
          No alerts yet: Treeline checks this branch after each import and when a week closes, and
          alerts its Accountable owner when it moves beyond its usual noise.
        </p>
      ) : (
        <ul className="alert-history" data-testid="alert-history">
          {alerts.map((a) => (
            <li key={a.id}>
              <Link
                href={paths.alert(a.id)}
                className={`alert-history__item alert-history__item--${a.tone}`}
              >
                {a.title}
                <span className="alert-history__meta">
                  {TONE_LABEL[a.tone]} · {a.grain} of {shortDate(a.periodStart)} ·{' '}
                  {a.backfilled ? 'history (not sent)' : STATUS_LABEL[a.status]}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
