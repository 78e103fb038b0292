/** Links between the screens of one section (alerts, interventions), the current one marked. */
import { Link, useRoute } from 'wouter';

export interface SubnavEntry {
  label: string;
  href: string;
  /** The route pattern that marks the link as the current page. */
  route: string;
}

function SubnavLink({ label, href, route }: SubnavEntry) {
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

/** @example <Subnav label="Interventions" links={[{ label: 'Impact review', href, route }]} /> */
export function Subnav({ label, links }: { label: string; links: readonly SubnavEntry[] }) {
  return (
    <nav className="subnav" aria-label={label}>
      {links.map((l) => (
        <SubnavLink key={l.href} {...l} />
      ))}
    </nav>
  );
}
