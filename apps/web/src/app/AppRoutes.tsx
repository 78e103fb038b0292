/**
 * One Route per screen (ROUTES in routes/paths.ts), inside the workspace of the address
 * (`#/w/<slug>/…`, session/SessionGate.tsx); anything else opens the tree screen.
 * A new section is a pattern, a path and a Route here.
 */
import type { TreeSummary } from '@treeline/core';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { AccountScreen } from '../account/AccountScreen';
import { AlertRoutes } from '../alerts/AlertRoutes';
import { TopBar } from '../components/TopBar';
import { DataScreen } from '../data-screen/DataScreen';
import { TreeScreen } from '../editor/TreeScreen';
import { InterventionRoutes } from '../interventions/InterventionRoutes';
import { MetricPage } from '../metric-page/MetricPage';
import { MetricsScreen } from '../metrics/MetricsScreen';
import { PeopleScreen } from '../people/PeopleScreen';
import { paths, ROUTES, routeParam } from '../routes/paths';
import type { QueryResource } from '../server-data/resource';
import { TokensScreen } from '../tokens/TokensScreen';

export function AppRoutes({
  trees,
  tree,
  onNewTree,
}: {
  trees: QueryResource<TreeSummary[]>;
  tree: TreeSummary | null;
  onNewTree: () => void;
}) {
  const [, navigate] = useLocation();
  return (
    <Switch>
      <Route path={ROUTES.metric}>
        {(params) => {
          const metricKey = routeParam(params.metricKey);
          return (
            <MetricPage
              key={metricKey}
              metricKey={metricKey}
              onBack={() => navigate(paths.metrics())}
            />
          );
        }}
      </Route>
      <Route path={ROUTES.metrics}>
        <TopBar treeName="Metrics" period={null} previousPeriod={null} />
        <main className="metrics-main">
          <MetricsScreen />
        </main>
      </Route>
      <Route path={ROUTES.data}>
        <TopBar treeName="Data" period={null} previousPeriod={null} />
        <main className="data-main">
          <DataScreen />
        </main>
      </Route>
      <Route path={ROUTES.people}>
        <TopBar treeName="People" period={null} previousPeriod={null} />
        <main className="admin-main">
          <PeopleScreen />
        </main>
      </Route>
      <Route path={ROUTES.tokens}>
        <TopBar treeName="API tokens" period={null} previousPeriod={null} />
        <main className="admin-main">
          <TokensScreen />
        </main>
      </Route>
      <Route path={ROUTES.account}>
        <TopBar treeName="Account" period={null} previousPeriod={null} />
        <main className="admin-main">
          <AccountScreen />
        </main>
      </Route>
      {AlertRoutes()}
      {InterventionRoutes()}
      <Route path={ROUTES.tree}>
        <TreeScreen trees={trees} tree={tree} onNewTree={onNewTree} />
      </Route>
      <Route>
        <Redirect to={paths.trees()} replace />
      </Route>
    </Switch>
  );
}
