/**
 * API tokens of a workspace, for imports and integrations: made by an admin, the key shown
 * once, stored hashed by better-auth's api-key plugin, scoped read or read-write, and
 * revocable. Which workspace a key acts in is Treeline's record beside it.
 */
import {
  type ApiTokenScope,
  type Db,
  deleteWorkspaceToken,
  findWorkspaceToken,
  recordWorkspaceToken,
  type WorkspaceApiToken,
} from '@treeline/db';
import type { TreelineAuth } from './treeline-auth';

export interface CreatedApiToken {
  token: WorkspaceApiToken;
  /** The key itself: shown once, never stored. */
  key: string;
}

/**
 * @example const { key } = await createApiToken(auth, db, { workspaceId, name: 'CRM sync', scope: 'read_write', userId, personId });
 */
export async function createApiToken(
  auth: TreelineAuth,
  db: Db,
  input: {
    workspaceId: string;
    name: string;
    scope: ApiTokenScope;
    /** The admin's account, which better-auth records as the key's owner. */
    userId: string;
    /** The admin's person in the workspace. */
    personId: string | null;
  },
): Promise<CreatedApiToken> {
  const created = await auth.api.createApiKey({
    body: {
      userId: input.userId,
      name: input.name,
      metadata: { workspaceId: input.workspaceId, scope: input.scope },
    },
  });
  try {
    await recordWorkspaceToken(db, {
      workspaceId: input.workspaceId,
      tokenId: created.id,
      scope: input.scope,
      createdBy: input.personId,
    });
  } catch (error) {
    // No key may exist that no workspace lists (nobody could see or revoke it).
    await deleteWorkspaceToken(db, null, created.id);
    throw error;
  }
  const token = await findWorkspaceToken(db, created.id);
  if (!token) throw new Error('the token just created is not found');
  return { token, key: created.key };
}
