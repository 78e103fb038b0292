/**
 * The alert screens' routes, for AppRoutes' Switch: the inbox, one alert, my branches, the
 * notification preferences and the webhook targets (a fragment of Routes, so the Switch
 * matches them as its own children).
 */
import { Route } from 'wouter';
import { TopBar } from '../components/TopBar';
import { ROUTES, routeParam } from '../routes/paths';
import { AlertScreen } from './AlertScreen';
import { AlertsSubnav } from './AlertsSubnav';
import { InboxScreen } from './InboxScreen';
import { MyBranchesScreen } from './MyBranchesScreen';
import { PreferencesScreen } from './PreferencesScreen';
import { WebhooksScreen } from './WebhooksScreen';
import './alerts.css';

function Screen({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <TopBar treeName={title} period={null} previousPeriod={null} />
      <main className="alerts-main">
        <AlertsSubnav />
        {children}
      </main>
    </>
  );
}

export function AlertRoutes() {
  return [
    <Route key="inbox" path={ROUTES.inbox}>
      <Screen title="Inbox">
        <InboxScreen />
      </Screen>
    </Route>,
    <Route key="alert" path={ROUTES.alert}>
      {(params) => (
        <Screen title="Alert">
          <AlertScreen key={params.alertId} alertId={routeParam(params.alertId)} />
        </Screen>
      )}
    </Route>,
    <Route key="branches" path={ROUTES.myBranches}>
      <Screen title="My branches">
        <MyBranchesScreen />
      </Screen>
    </Route>,
    <Route key="notifications" path={ROUTES.notifications}>
      <Screen title="Notifications">
        <PreferencesScreen />
      </Screen>
    </Route>,
    <Route key="webhooks" path={ROUTES.webhooks}>
      <Screen title="Webhook targets">
        <WebhooksScreen />
      </Screen>
    </Route>,
  ];
}
