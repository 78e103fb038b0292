/**
 * Verdicts follow the data (docs/product.md §6): after a committed import or a change of what
 * counts, the workspace's open interventions are judged again; a verdict that changes is
 * recorded and its owner and the target node's Accountable are told (in-app, email, webhooks),
 * all in the transaction that records it. A rerun on the same data changes nothing and tells
 * no one, so a retried job is harmless.
 */
import { findWorkspaceById, recomputeInterventionVerdicts } from '@treeline/db';
import { defineSubscriber } from './subscriber';

export const interventionVerdicts = defineSubscriber({
  name: 'intervention-verdicts',
  on: ['import.committed', 'counting.changed'],
  handle: async (event, { db }) => {
    const workspace = await findWorkspaceById(db, event.workspaceId);
    if (!workspace) return;
    await recomputeInterventionVerdicts(db, workspace);
  },
});
