/**
 * The intervention screens' routes, for AppRoutes' Switch: the list, the form (new and
 * edit), one intervention and the impact review (a fragment of Routes, as AlertRoutes).
 */
import { Route } from 'wouter';
import { TopBar } from '../components/TopBar';
import { ROUTES, routeParam } from '../routes/paths';
import { ImpactReviewScreen } from './ImpactReviewScreen';
import { InterventionFormScreen } from './InterventionForm';
import { InterventionScreen } from './InterventionScreen';
import { InterventionsScreen } from './InterventionsScreen';
import { InterventionsSubnav } from './InterventionsSubnav';
import '../alerts/alerts.css';
import './interventions.css';

function Screen({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <TopBar treeName={title} period={null} previousPeriod={null} />
      <main className="alerts-main">
        <InterventionsSubnav />
        {children}
      </main>
    </>
  );
}

export function InterventionRoutes() {
  return [
    <Route key="interventions" path={ROUTES.interventions}>
      <Screen title="Interventions">
        <InterventionsScreen />
      </Screen>
    </Route>,
    <Route key="new-intervention" path={ROUTES.newIntervention}>
      <Screen title="Log an intervention">
        <InterventionFormScreen />
      </Screen>
    </Route>,
    <Route key="edit-intervention" path={ROUTES.editIntervention}>
      {(params) => (
        <Screen title="Edit intervention">
          <InterventionFormScreen
            key={params.interventionId}
            interventionId={routeParam(params.interventionId)}
          />
        </Screen>
      )}
    </Route>,
    <Route key="intervention" path={ROUTES.intervention}>
      {(params) => (
        <Screen title="Intervention">
          <InterventionScreen
            key={params.interventionId}
            interventionId={routeParam(params.interventionId)}
          />
        </Screen>
      )}
    </Route>,
    <Route key="impact-review" path={ROUTES.impactReview}>
      <Screen title="Impact review">
        <ImpactReviewScreen />
      </Screen>
    </Route>,
  ];
}
