/**
 * One alert: good or bad news, what moved and why it counts, which branch caused it, where
 * it stands, and the actions; a link opens the node's tree in the alert's period.
 */
import { ArrowLeft, TrendingDown, TrendingUp } from 'lucide-react';
import { Link } from 'wouter';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { paths } from '../routes/paths';
import { useScreenQuery } from '../server-data/use-screen-query';
import { AlertActions } from './AlertActions';
import { alertTreePath, STATUS_LABEL, shortDate, TONE_LABEL } from './alert-format';
import { alertQuery, myBranchesQuery } from './alert-queries';
import { ScreenLoading } from './ScreenLoading';

export function AlertScreen({ alertId }: { alertId: string }) {
  const alert = useScreenQuery(alertQuery(alertId));
  const mine = useScreenQuery(myBranchesQuery());
  if (alert.isPending) return <ScreenLoading label="Loading the alert" />;
  if (alert.isError)
    return <ProblemState problem={toProblem(alert.error)} onRetry={() => void alert.refetch()} />;
  const a = alert.data;
  const Trend = a.direction === 'up' ? TrendingUp : TrendingDown;
  const statusLine =
    a.status === 'snoozed' && a.snoozedUntil
      ? `Snoozed until ${shortDate(a.snoozedUntil)}`
      : a.status === 'resolved' && a.resolutionNote
        ? `Resolved: ${a.resolutionNote}`
        : STATUS_LABEL[a.status];
  return (
    <section className="alerts-screen" aria-labelledby="alert-title">
      <Link href={paths.inbox()} className="back-link">
        <ArrowLeft aria-hidden size={14} /> Inbox
      </Link>
      <article className={`alert-card alert-card--${a.tone}`} data-testid="alert-detail">
        <p className={`tone-tag tone-tag--${a.tone}`}>
          <Trend aria-hidden size={14} /> {TONE_LABEL[a.tone]}
        </p>
        <h1 id="alert-title">{a.title}</h1>
        <p className="alert-card__summary">{a.summary}</p>
        <dl className="alert-card__facts">
          <div>
            <dt>Period</dt>
            <dd>
              {a.grain} of {shortDate(a.periodStart)}
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd data-testid="alert-status">{statusLine}</dd>
          </div>
          {a.escalatedAt ? (
            <div>
              <dt>Escalated</dt>
              <dd>{shortDate(a.escalatedAt)}, to the parent branch's owner</dd>
            </div>
          ) : null}
        </dl>
        <Link href={alertTreePath(a)} className="button">
          Open the branch in its tree
        </Link>
      </article>
      <AlertActions alert={a} me={mine.data?.me ?? null} />
    </section>
  );
}
