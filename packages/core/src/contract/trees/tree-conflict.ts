/**
 * The 409 problem of a save against a stale version: the version saved against, the
 * current one, and what changed since (core's TreeDraftChanges), so the editor can say so.
 */
import { z } from 'zod';
import type { TreeDraftChanges } from '../../trees/diff-tree-drafts';
import { describes } from '../describes';
import { problemMembers } from '../problem';

const ChangeRef = z.object({ id: z.string(), label: z.string() });
const ChangePart = z.object({
  added: z.array(ChangeRef),
  removed: z.array(ChangeRef),
  changed: z.array(ChangeRef.extend({ fields: z.array(z.string()) })),
});

export const TreeDraftChangesSchema = describes<TreeDraftChanges>()(
  z.object({ tree: z.array(z.string()), nodes: ChangePart, edges: ChangePart }),
);

export const TreeConflictSchema = z
  .object({
    ...problemMembers,
    currentVersion: z.number().int(),
    yourVersion: z.number().int(),
    /**
     * 'since_your_version': the changes from the version read to the current one;
     * 'against_your_draft' when that version was never recorded: how the current tree
     * differs from the draft sent.
     */
    basis: z.enum(['since_your_version', 'against_your_draft']),
    changes: TreeDraftChangesSchema,
  })
  .meta({
    id: 'TreeConflict',
    description: 'problem+json of a save against a stale version: what changed since it',
  });

export type TreeConflict = z.infer<typeof TreeConflictSchema>;
