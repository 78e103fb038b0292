/**
 * The alert screens' calls (inbox, alerts, my branches, preferences, webhook targets) through
 * the typed Hono client: every answer is typed by its route, whose schemas are the contract's.
 */
import { createTreelineClient, expectOk, okJson } from '@treeline/client';
import type {
  Alert,
  AlertChange,
  DeliveryLogEntry,
  Inbox,
  MyBranches,
  NotificationPreferencesUpdate,
  NotificationPreferencesView,
  WebhookEndpointView,
} from '@treeline/core';

export type {
  Alert,
  AlertChange,
  DeliveryLogEntry,
  Inbox,
  MyBranch,
  MyBranches,
  Notification,
  NotificationPreferencesUpdate,
  NotificationPreferencesView,
  WebhookEndpointView,
} from '@treeline/core';

const client = createTreelineClient(
  typeof location === 'undefined' ? 'http://localhost' : location.origin,
);
const accept = { headers: { accept: 'application/json' } };
const withSignal = (signal?: AbortSignal) => ({
  init: { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) },
});

export interface AlertFilter {
  treeId?: string;
  nodeId?: string;
  open?: boolean;
  mine?: boolean;
}

const flag = (value: boolean | undefined) =>
  value === undefined ? undefined : value ? ('true' as const) : ('false' as const);

export const alertsApi = {
  inbox: (signal?: AbortSignal): Promise<Inbox> =>
    okJson(client.api.inbox.$get(undefined, withSignal(signal))),
  markRead: (id: string) => expectOk(client.api.inbox[':id'].read.$post({ param: { id } }, accept)),
  markAllRead: () => okJson(client.api.inbox.read.$post(undefined, accept)),
  listAlerts: async (filter: AlertFilter, signal?: AbortSignal): Promise<Alert[]> => {
    const query = {
      ...(filter.treeId ? { treeId: filter.treeId } : {}),
      ...(filter.nodeId ? { nodeId: filter.nodeId } : {}),
      ...(filter.open !== undefined ? { open: flag(filter.open) } : {}),
      ...(filter.mine !== undefined ? { mine: flag(filter.mine) } : {}),
    };
    return (await okJson(client.api.alerts.$get({ query }, withSignal(signal)))).alerts;
  },
  getAlert: (id: string, signal?: AbortSignal): Promise<Alert> =>
    okJson(client.api.alerts[':id'].$get({ param: { id } }, withSignal(signal))),
  changeAlert: (id: string, change: AlertChange): Promise<Alert> =>
    okJson(client.api.alerts[':id'].status.$post({ param: { id }, json: change }, accept)),
  myBranches: (signal?: AbortSignal): Promise<MyBranches> =>
    okJson(client.api['my-branches'].$get(undefined, withSignal(signal))),
  preferences: (signal?: AbortSignal): Promise<NotificationPreferencesView> =>
    okJson(client.api.preferences.$get(undefined, withSignal(signal))),
  savePreferences: (prefs: NotificationPreferencesUpdate): Promise<NotificationPreferencesView> =>
    okJson(client.api.preferences.$put({ json: prefs }, accept)),
  webhooks: async (signal?: AbortSignal): Promise<WebhookEndpointView[]> =>
    (await okJson(client.api.webhooks.$get(undefined, withSignal(signal)))).webhooks,
  addWebhook: (body: { name: string; url: string }) =>
    okJson(client.api.webhooks.$post({ json: { ...body, events: ['alert.raised'] } }, accept)),
  removeWebhook: (id: string) =>
    expectOk(client.api.webhooks[':id'].$delete({ param: { id } }, accept)),
  testWebhook: (id: string) =>
    okJson(client.api.webhooks[':id'].test.$post({ param: { id } }, accept)),
  deliveries: async (id: string, signal?: AbortSignal): Promise<DeliveryLogEntry[]> =>
    (
      await okJson(
        client.api.webhooks[':id'].deliveries.$get({ param: { id } }, withSignal(signal)),
      )
    ).deliveries,
};
