/**
 * Which workspace each API token acts in and with what scope. The token itself (its hash,
 * prefix, last use, whether it is enabled) is better-auth's row in api_tokens; this table
 * ties it to the workspace, so a workspace's tokens are listed and checked by key.
 */
import type { Kysely } from 'kysely';
import type { ApiTokenScope, Database } from '../schema/database';

export interface WorkspaceApiToken {
  id: string;
  workspaceId: string;
  name: string | null;
  /** The first characters of the key, to tell tokens apart (never the key). */
  start: string | null;
  scope: ApiTokenScope;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  enabled: boolean;
}

/** @example await recordWorkspaceToken(db, { workspaceId, tokenId, scope: 'read', createdBy }); */
export async function recordWorkspaceToken(
  db: Kysely<Database>,
  values: { workspaceId: string; tokenId: string; scope: ApiTokenScope; createdBy: string | null },
): Promise<void> {
  await db
    .insertInto('workspace_api_tokens')
    .values({
      workspace_id: values.workspaceId,
      token_id: values.tokenId,
      scope: values.scope,
      created_by: values.createdBy,
    })
    .execute();
}

function tokens(db: Kysely<Database>) {
  return db
    .selectFrom('workspace_api_tokens as w')
    .innerJoin('api_tokens as t', 't.id', 'w.token_id')
    .select([
      't.id',
      'w.workspace_id',
      't.name',
      't.start',
      'w.scope',
      'w.created_by',
      't.created_at',
      't.last_request',
      't.enabled',
    ]);
}

type TokenRow = {
  id: string;
  workspace_id: string;
  name: string | null;
  start: string | null;
  scope: ApiTokenScope;
  created_by: string | null;
  created_at: Date;
  last_request: Date | null;
  enabled: boolean | null;
};

function tokenOf(row: TokenRow): WorkspaceApiToken {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    start: row.start,
    scope: row.scope,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_request,
    enabled: row.enabled !== false,
  };
}

/** The workspace's tokens, newest first (revoked ones are deleted, so not listed). */
export async function listWorkspaceTokens(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<WorkspaceApiToken[]> {
  const rows = await tokens(db)
    .where('w.workspace_id', '=', workspaceId)
    .orderBy('t.created_at', 'desc')
    .execute();
  return rows.map(tokenOf);
}

/** The token with this id, in any workspace (the caller checks the workspace). */
export async function findWorkspaceToken(
  db: Kysely<Database>,
  tokenId: string,
): Promise<WorkspaceApiToken | undefined> {
  const row = await tokens(db).where('t.id', '=', tokenId).executeTakeFirst();
  return row ? tokenOf(row) : undefined;
}

/**
 * Revokes a token: its key stops working at once. With a workspace, only a token of that
 * workspace is deleted (another workspace's id deletes nothing); null deletes by id alone
 * (undoing a token whose creation failed half-way). Returns whether a token was deleted.
 *
 * @example await deleteWorkspaceToken(db, workspace.id, tokenId); // true
 */
export async function deleteWorkspaceToken(
  db: Kysely<Database>,
  workspaceId: string | null,
  tokenId: string,
): Promise<boolean> {
  let query = db.deleteFrom('api_tokens').where('id', '=', tokenId);
  if (workspaceId !== null) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('workspace_api_tokens')
          .select('token_id')
          .where('workspace_id', '=', workspaceId)
          .where('token_id', '=', tokenId),
      ),
    );
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
