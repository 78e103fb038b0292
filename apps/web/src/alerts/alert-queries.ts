/** The alert resources' query keys and reads, so a screen, a mutation and the live stream agree. */
import { queryOptions } from '@tanstack/react-query';
import { type AlertFilter, alertsApi } from './alerts-api';

export const alertKeys = {
  inbox: () => ['inbox'] as const,
  /** Every alert query (lists and single alerts). */
  all: () => ['alerts'] as const,
  list: (filter: AlertFilter) => ['alerts', 'list', filter] as const,
  one: (id: string) => ['alerts', 'one', id] as const,
  myBranches: () => ['my-branches'] as const,
  preferences: () => ['preferences'] as const,
  webhooks: () => ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export const inboxQuery = () =>
  queryOptions({ queryKey: alertKeys.inbox(), queryFn: ({ signal }) => alertsApi.inbox(signal) });

export const alertsQuery = (filter: AlertFilter) =>
  queryOptions({
    queryKey: alertKeys.list(filter),
    queryFn: ({ signal }) => alertsApi.listAlerts(filter, signal),
  });

export const alertQuery = (id: string) =>
  queryOptions({
    queryKey: alertKeys.one(id),
    queryFn: ({ signal }) => alertsApi.getAlert(id, signal),
  });

export const myBranchesQuery = () =>
  queryOptions({
    queryKey: alertKeys.myBranches(),
    queryFn: ({ signal }) => alertsApi.myBranches(signal),
  });

export const preferencesQuery = () =>
  queryOptions({
    queryKey: alertKeys.preferences(),
    queryFn: ({ signal }) => alertsApi.preferences(signal),
  });

export const webhooksQuery = () =>
  queryOptions({
    queryKey: alertKeys.webhooks(),
    queryFn: ({ signal }) => alertsApi.webhooks(signal),
  });

export const deliveriesQuery = (id: string) =>
  queryOptions({
    queryKey: alertKeys.deliveries(id),
    queryFn: ({ signal }) => alertsApi.deliveries(id, signal),
    // The log moves on its own (retries, backoff): poll while it is on screen.
    refetchInterval: 5000,
  });
