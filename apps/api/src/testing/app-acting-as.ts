/**
 * Route tests' app: a real account linked to a real person of the workspace, so the
 * workspace, membership and role middlewares run as they do in production; only turning a
 * session cookie into the principal is skipped (the auth tests cover that with real
 * cookies). The person is made an admin-capable member unless the test says otherwise.
 *
 * @example
 * const app = await appActingAs({ db: t.db, database }, { workspaceId: ws.id, personId: ann.id });
 * await app.request('/api/trees');
 */
import { createTreelineAuth, ensureAccount, type Principal } from '@treeline/auth';
import { findPerson, insertPerson, updatePerson } from '@treeline/db';
import { createMailer } from '@treeline/notify';
import { type AppOptions, createApp } from '../app';

export interface ActingAs {
  workspaceId: string;
  /** The person to act as; absent: a new admin "Test Admin" is added to the workspace. */
  personId?: string;
}

export async function principalFor(
  options: Pick<AppOptions, 'db'> & { auth?: AppOptions['auth'] },
  actingAs: ActingAs,
): Promise<{ principal: Principal; auth: NonNullable<AppOptions['auth']> }> {
  const auth =
    options.auth ??
    createTreelineAuth({
      db: options.db,
      baseURL: 'http://localhost',
      secret: 'route-tests-secret-route-tests-secret',
      mailer: createMailer({ log: () => {} }),
      rateLimit: false,
    });
  const person = actingAs.personId
    ? await findPerson(options.db, actingAs.workspaceId, actingAs.personId)
    : await insertPerson(options.db, actingAs.workspaceId, {
        name: 'Test Admin',
        email: `test-admin-${actingAs.workspaceId.slice(0, 8)}@example.com`,
        role: 'admin',
      });
  if (!person) throw new Error(`no person ${actingAs.personId} in the workspace`);
  const { userId } = await ensureAccount(auth, { email: person.email, name: person.name });
  await updatePerson(options.db, actingAs.workspaceId, person.id, { userId });
  return {
    auth,
    principal: {
      kind: 'user',
      userId,
      email: person.email,
      name: person.name,
      sessionId: 'route-test',
    },
  };
}

export async function appActingAs(options: AppOptions, actingAs: ActingAs) {
  const { principal, auth } = await principalFor(options, actingAs);
  return createApp({ ...options, auth, authenticate: async () => principal });
}
