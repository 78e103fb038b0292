/** Links between the alert screens: inbox, my branches, notifications, webhook targets. */
import { Subnav } from '../components/Subnav';
import { paths, ROUTES } from '../routes/paths';

const LINKS = [
  { label: 'Inbox', href: paths.inbox(), route: ROUTES.inbox },
  { label: 'My branches', href: paths.myBranches(), route: ROUTES.myBranches },
  { label: 'Notifications', href: paths.notifications(), route: ROUTES.notifications },
  { label: 'Webhook targets', href: paths.webhooks(), route: ROUTES.webhooks },
];

export function AlertsSubnav() {
  return <Subnav label="Alerts and notifications" links={LINKS} />;
}
