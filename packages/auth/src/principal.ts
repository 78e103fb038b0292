/**
 * Who is asking: a signed-in user (a session cookie) or an API token (`Authorization:
 * Bearer tl_…` or `x-api-key`), resolved by better-auth. The workspace and role come after,
 * from the person the user is in the workspace the request names, or from the token.
 */
import type { ApiTokenScope } from '@treeline/db';
import { type Db, findWorkspaceToken } from '@treeline/db';
import { API_TOKEN_PREFIX, type TreelineAuth } from './treeline-auth';

export type Principal =
  | { kind: 'user'; userId: string; email: string; name: string; sessionId: string }
  | { kind: 'token'; tokenId: string; workspaceId: string; scope: ApiTokenScope };

/** The API key a request carries, if any. */
export function apiKeyOf(headers: Headers): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (bearer?.startsWith(API_TOKEN_PREFIX)) return bearer;
  return headers.get('x-api-key');
}

/**
 * The principal of a request, or null for an anonymous one. A key that is not valid (wrong,
 * revoked, expired) is anonymous too: the caller answers 401 without saying which.
 *
 * @example const who = await principalOf(auth, db, request.headers);
 */
export async function principalOf(
  auth: TreelineAuth,
  db: Db,
  headers: Headers,
): Promise<Principal | null> {
  const key = apiKeyOf(headers);
  if (key) {
    const verified = await auth.api.verifyApiKey({ body: { key } });
    if (!verified.valid || !verified.key) return null;
    const token = await findWorkspaceToken(db, verified.key.id);
    if (!token?.enabled) return null;
    return { kind: 'token', tokenId: token.id, workspaceId: token.workspaceId, scope: token.scope };
  }
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return {
    kind: 'user',
    userId: session.user.id,
    email: session.user.email,
    name: session.user.name,
    sessionId: session.session.id,
  };
}
