/** The intervention resources' query keys and reads, so screens and mutations agree. */
import { queryOptions } from '@tanstack/react-query';
import { type InterventionFilter, interventionsApi } from './interventions-api';

export const interventionKeys = {
  /** Every intervention query (lists and single ones). */
  all: () => ['interventions'] as const,
  list: (filter: InterventionFilter) => ['interventions', 'list', filter] as const,
  one: (id: string) => ['interventions', 'one', id] as const,
};

export const interventionsQuery = (filter: InterventionFilter = {}) =>
  queryOptions({
    queryKey: interventionKeys.list(filter),
    queryFn: ({ signal }) => interventionsApi.list(filter, signal),
  });

export const interventionQuery = (id: string) =>
  queryOptions({
    queryKey: interventionKeys.one(id),
    queryFn: ({ signal }) => interventionsApi.get(id, signal),
  });
