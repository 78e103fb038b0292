/**
 * The whole draft of each saved version of a tree, so a stale save can be told what
 * changed since the version it was read at.
 */
import type { TreeDraft } from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

/** Records the draft of a version (once; a version is never rewritten). */
export async function insertTreeRevision(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
  version: number,
  draft: TreeDraft,
): Promise<void> {
  await db
    .insertInto('tree_revisions')
    .values({ workspace_id: workspaceId, tree_id: treeId, version, draft: JSON.stringify(draft) })
    .onConflict((oc) => oc.columns(['workspace_id', 'tree_id', 'version']).doNothing())
    .execute();
}

/** The draft of a version, or null when it was never recorded (trees older than revisions). */
export async function findTreeRevision(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
  version: number,
): Promise<TreeDraft | null> {
  const row = await db
    .selectFrom('tree_revisions')
    .select('draft')
    .where('workspace_id', '=', workspaceId)
    .where('tree_id', '=', treeId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (row.draft as TreeDraft) : null;
}
