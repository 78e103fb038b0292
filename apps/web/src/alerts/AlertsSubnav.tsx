/** Links between the alert screens: inbox, my branches, notifications, webhook targets. */
import { Link, useRoute } from 'wouter';
import { paths, ROUTES } from '../routes/paths';

const LINKS = [
  { label: 'Inbox', href: paths.inbox(), route: ROUTES.inbox },
  { label: 'My branches', href: paths.myBranches(), route: ROUTES.myBranches },
  { label: 'Notifications', href: paths.notifications(), route: ROUTES.notifications },
  { label: 'Webhook targets', href: paths.webhooks(), route: ROUTES.webhooks },
] as const;

function SubnavLink({ label, href, route }: (typeof LINKS)[number]) {
  const [active] = useRoute(route);
  return (
    <Link
      href={href}
      className={`subnav__link${active ? ' is-active' : ''}`}
      aria-current={active ? 'page' : undefined}
    >
      {label}
    </Link>
  );
}

export function AlertsSubnav() {
  return (
    <nav className="subnav" aria-label="Alerts and notifications">
      {LINKS.map((l) => (
        <SubnavLink key={l.href} {...l} />
      ))}
    </nav>
  );
}
