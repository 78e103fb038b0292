/**
 * The intervention screens' calls (list, one with its series, log, edit, close) through the
 * typed Hono client: every answer is typed by its route, whose schemas are the contract's.
 */
import { createTreelineClient, okJson } from '@treeline/client';
import type {
  Intervention,
  InterventionCreate,
  InterventionDetail,
  InterventionPatch,
  Verdict,
} from '@treeline/core';
import { withWorkspace } from '../lib/request-workspace';

export type {
  Intervention,
  InterventionCreate,
  InterventionDetail,
  InterventionPatch,
  Verdict,
} from '@treeline/core';

const client = createTreelineClient(
  typeof location === 'undefined' ? 'http://localhost' : location.origin,
  { fetch: withWorkspace((input, init) => fetch(input, init)) },
);
const accept = { headers: { accept: 'application/json' } };
const withSignal = (signal?: AbortSignal) => ({
  init: { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) },
});

export interface InterventionFilter {
  treeId?: string;
  nodeId?: string;
  ownerId?: string;
  verdict?: Verdict;
  status?: 'open' | 'closed';
}

export const interventionsApi = {
  list: async (filter: InterventionFilter, signal?: AbortSignal): Promise<Intervention[]> =>
    (await okJson(client.api.interventions.$get({ query: filter }, withSignal(signal))))
      .interventions,
  get: (id: string, signal?: AbortSignal): Promise<InterventionDetail> =>
    okJson(client.api.interventions[':id'].$get({ param: { id } }, withSignal(signal))),
  create: (body: InterventionCreate): Promise<Intervention> =>
    okJson(client.api.interventions.$post({ json: body }, accept)),
  edit: (id: string, patch: InterventionPatch): Promise<Intervention> =>
    okJson(client.api.interventions[':id'].$patch({ param: { id }, json: patch }, accept)),
  close: (id: string): Promise<Intervention> =>
    okJson(client.api.interventions[':id'].close.$post({ param: { id } }, accept)),
};
