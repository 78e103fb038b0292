/**
 * The app's routes: the pattern each screen is matched by and the path that opens it.
 * Screens build links and navigate only through `paths`, relative to the router's base,
 * so a prefix (a workspace: `/w/<slug>`) can nest every route without touching them, and
 * a new section (inbox, my branches, interventions, scoring) is one pattern, one path and
 * one Route in AppRoutes.
 */
import { DEFAULT_TREE_CONTROLS, type TreeControls, treeControlsSearch } from './tree-controls';

export const ROUTES = {
  /** The tree screen; without an id it opens the workspace's first tree. */
  tree: '/trees/:treeId?',
  metrics: '/metrics',
  metric: '/metrics/:metricKey',
  data: '/data',
  people: '/people',
  tokens: '/tokens',
  account: '/account',
  inbox: '/inbox',
  alert: '/alerts/:alertId',
  myBranches: '/my-branches',
  notifications: '/notifications',
  webhooks: '/webhooks',
  interventions: '/interventions',
  newIntervention: '/interventions/new',
  intervention: '/interventions/:interventionId',
  editIntervention: '/interventions/:interventionId/edit',
  impactReview: '/impact-review',
  /** The Interventions section: the list, the form and every intervention (for the rail). */
  interventionsSection: '/interventions/*?',
  /** The Metrics section: the catalog and every metric's page (for the rail). */
  metricsSection: '/metrics/*?',
} as const;

/**
 * @example paths.tree('t1', { grain: 'week', at: null, compare: 'year', filter: null }) // '/trees/t1?grain=week&compare=year'
 * @example paths.metric('win_rate') // '/metrics/win_rate'
 */
export const paths = {
  trees: () => '/trees',
  tree: (treeId: string, controls: TreeControls = DEFAULT_TREE_CONTROLS) => {
    const search = treeControlsSearch(controls);
    return `/trees/${encodeURIComponent(treeId)}${search ? `?${search}` : ''}`;
  },
  metrics: () => '/metrics',
  metric: (metricKey: string) => `/metrics/${encodeURIComponent(metricKey)}`,
  data: () => '/data',
  people: () => '/people',
  tokens: () => '/tokens',
  account: () => '/account',
  inbox: () => '/inbox',
  alert: (alertId: string) => `/alerts/${encodeURIComponent(alertId)}`,
  myBranches: () => '/my-branches',
  notifications: () => '/notifications',
  webhooks: () => '/webhooks',
  interventions: () => '/interventions',
  /** The form, with the target node filled in when opened from a node. */
  newIntervention: (target?: { treeId: string; nodeId: string }) =>
    target
      ? `/interventions/new?tree=${encodeURIComponent(target.treeId)}&node=${encodeURIComponent(target.nodeId)}`
      : '/interventions/new',
  intervention: (id: string) => `/interventions/${encodeURIComponent(id)}`,
  editIntervention: (id: string) => `/interventions/${encodeURIComponent(id)}/edit`,
  impactReview: () => '/impact-review',
};

/**
 * A route parameter as it was before `paths` encoded it.
 *
 * @example routeParam('a%2Fb') // 'a/b'
 */
export function routeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
