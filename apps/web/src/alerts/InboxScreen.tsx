/**
 * The inbox: what Treeline told the signed-in person, newest first, unread ones marked; a
 * click reads it and opens its alert. Live: the stream's notifications-changed refetches it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BellRing, CheckCheck, Inbox as InboxIcon } from 'lucide-react';
import { useLocation } from 'wouter';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { paths } from '../routes/paths';
import { useScreenQuery } from '../server-data/use-screen-query';
import { shortDate } from './alert-format';
import { alertKeys, inboxQuery } from './alert-queries';
import { alertsApi, type Notification } from './alerts-api';
import { ScreenLoading } from './ScreenLoading';

export function InboxScreen() {
  const inbox = useScreenQuery(inboxQuery());
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const refresh = () => queryClient.invalidateQueries({ queryKey: alertKeys.inbox() });
  const readAll = useMutation({ mutationFn: alertsApi.markAllRead, onSettled: refresh });
  const open = async (n: Notification) => {
    if (!n.readAt) await alertsApi.markRead(n.id).finally(refresh);
    if (n.alertId) navigate(paths.alert(n.alertId));
  };

  if (inbox.isPending) return <ScreenLoading label="Loading your inbox" />;
  if (inbox.isError)
    return <ProblemState problem={toProblem(inbox.error)} onRetry={() => void inbox.refetch()} />;
  const { notifications, unread } = inbox.data;
  return (
    <section className="alerts-screen" aria-labelledby="inbox-title">
      <header className="alerts-screen__head">
        <h1 id="inbox-title">
          Inbox{' '}
          {unread > 0 ? (
            <span className="count-badge" data-testid="inbox-unread">
              {unread} unread
            </span>
          ) : null}
        </h1>
        <button
          type="button"
          className="button"
          disabled={unread === 0 || readAll.isPending}
          title={unread === 0 ? 'Nothing unread' : undefined}
          onClick={() => readAll.mutate()}
        >
          <CheckCheck aria-hidden size={14} /> Mark all read
        </button>
      </header>
      {notifications.length === 0 ? (
        <EmptyState icon={<InboxIcon size={28} />} title="No alerts yet">
          Treeline checks every branch after each import and when a week closes. When a branch you
          own moves beyond its usual noise, it lands here and by email. Import data under Data, or
          make sure your name is on a branch's RACI in a tree.
        </EmptyState>
      ) : (
        <ul className="inbox-list">
          {notifications.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={`inbox-item${n.readAt ? '' : ' is-unread'}`}
                data-testid="inbox-item"
                onClick={() => void open(n)}
              >
                <BellRing aria-hidden size={16} className="inbox-item__icon" />
                <span className="inbox-item__main">
                  <span className="inbox-item__title">{n.title}</span>
                  <span className="inbox-item__body">{n.body}</span>
                </span>
                <span className="inbox-item__meta">
                  {n.role === 'cc' ? 'copied · ' : n.role === 'escalation' ? 'escalated · ' : ''}
                  {shortDate(n.createdAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
