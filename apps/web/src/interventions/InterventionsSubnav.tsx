/** Links between the intervention screens: the list and the impact review. */
import { Link, useRoute } from 'wouter';
import { paths, ROUTES } from '../routes/paths';

const LINKS = [
  { label: 'Interventions', href: paths.interventions(), route: ROUTES.interventions },
  { label: 'Impact review', href: paths.impactReview(), route: ROUTES.impactReview },
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

export function InterventionsSubnav() {
  return (
    <nav className="subnav" aria-label="Interventions">
      {LINKS.map((l) => (
        <SubnavLink key={l.href} {...l} />
      ))}
    </nav>
  );
}
