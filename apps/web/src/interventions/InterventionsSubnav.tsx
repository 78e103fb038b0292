/** Links between the intervention screens: the list and the impact review. */
import { Subnav } from '../components/Subnav';
import { paths, ROUTES } from '../routes/paths';

const LINKS = [
  { label: 'Interventions', href: paths.interventions(), route: ROUTES.interventions },
  { label: 'Impact review', href: paths.impactReview(), route: ROUTES.impactReview },
];

export function InterventionsSubnav() {
  return <Subnav label="Interventions" links={LINKS} />;
}
