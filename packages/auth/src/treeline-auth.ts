/**
 * Accounts, built on better-auth (docs/decisions/0037-accounts-and-workspaces.md): email and
 * password sign-in with httpOnly SameSite session cookies, sign-out, password reset by
 * email, invitations as one-time sign-in links (its magic-link plugin, tokens stored
 * hashed), and API keys (its api-key plugin, stored hashed, shown once). Treeline writes
 * no password, session, token or signature code of its own; this module only configures
 * the library, maps its tables to ours, and says what its emails say.
 *
 * There is no open sign-up: accounts are made by the first-run setup, the CLI, an admin's
 * invitation or the demo. What an account may do in a workspace is its person there
 * (packages/db accounts/membership.repository.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { apiKey } from '@better-auth/api-key';
import { acceptInvitations, type Db, instanceSetting } from '@treeline/db';
import type { Mailer } from '@treeline/notify';
import { type BetterAuthPlugin, betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins';
import { invitationMail, passwordResetMail } from './auth-mails';

/** How long an invitation link stays valid. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;
/** How long a password reset link stays valid. */
export const PASSWORD_RESET_TTL_SECONDS = 3600;
/**
 * The header the API puts the client's socket address in (apps/api client-address.ts),
 * which better-auth's sign-in rate limit counts by.
 */
export const CLIENT_ADDRESS_HEADER = 'x-treeline-client-address';

/** API keys start with this, so a leaked one is recognisable (and scannable). */
export const API_TOKEN_PREFIX = 'tl_';

export interface TreelineAuthOptions {
  db: Db;
  /** Where people reach Treeline, e.g. http://127.0.0.1:3000: links in emails start here. */
  baseURL: string;
  /** Signs cookies and tokens; shared by every process of the installation. */
  secret: string;
  mailer: Mailer;
  /** Extra plugins (the demo sign-in). */
  plugins?: BetterAuthPlugin[];
  /**
   * Limit sign-in attempts per client address (on by default, in every environment:
   * better-auth's own default is production only). Sign-in and password changes allow 3
   * tries in 10 s, reset emails 3 a minute, anything else 100 in 10 s; past that, 429.
   * Tests that sign in often turn it off.
   */
  rateLimit?: boolean;
}

/** What an outgoing sign-in link is for; the invitation sender sets it for its call. */
interface LinkPurpose {
  kind: 'invitation';
  workspaceName: string;
  inviterName: string;
}
const linkPurpose = new AsyncLocalStorage<LinkPurpose>();

/**
 * Runs `send` (which asks better-auth for a sign-in link) with the invitation's wording.
 *
 * @example await asInvitation({ workspaceName, inviterName }, () => auth.api.signInMagicLink(...));
 */
export function asInvitation<T>(purpose: Omit<LinkPurpose, 'kind'>, send: () => Promise<T>) {
  return linkPurpose.run({ kind: 'invitation', ...purpose }, send);
}

/** snake_case columns for better-auth's camelCase fields. */
const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export function createTreelineAuth(options: TreelineAuthOptions) {
  const { db, mailer } = options;
  return betterAuth({
    appName: 'Treeline',
    baseURL: options.baseURL,
    basePath: '/api/auth',
    secret: options.secret,
    database: { db, type: 'postgres' },
    telemetry: { enabled: false },
    rateLimit: { enabled: options.rateLimit ?? true },
    // CSRF: a browser's cross-site request carries its own site as Origin; a request from
    // Treeline's own pages carries the host it was sent to. Both the configured address
    // and the address the page was opened at (127.0.0.1 or localhost) are Treeline's.
    trustedOrigins: (request) => {
      const host = request?.headers.get('host');
      const proto = request ? new URL(request.url).protocol : 'http:';
      return [options.baseURL, host ? `${proto}//${host}` : null];
    },
    advanced: {
      cookiePrefix: 'treeline',
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    user: {
      modelName: 'auth_users',
      fields: { emailVerified: 'email_verified', ...timestamps },
    },
    session: {
      modelName: 'auth_sessions',
      fields: {
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        userId: 'user_id',
        ...timestamps,
      },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', ...timestamps },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      resetPasswordTokenExpiresIn: PASSWORD_RESET_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await mailer.send(passwordResetMail(user, url));
      },
    },
    databaseHooks: {
      session: {
        create: {
          // Accepting an invitation: a verified email is linked to every person invited
          // with it. (An invitation link verifies the email as it signs the person in.)
          after: async (session) => {
            await acceptInvitations(db, session.userId);
          },
        },
      },
    },
    plugins: [
      magicLink({
        disableSignUp: true,
        expiresIn: INVITATION_TTL_SECONDS,
        storeToken: 'hashed',
        sendMagicLink: async ({ email, url }) => {
          const purpose = linkPurpose.getStore();
          if (!purpose) throw new Error('sign-in links are only sent as invitations');
          await mailer.send(invitationMail(email, url, purpose));
        },
      }),
      apiKey({
        defaultPrefix: API_TOKEN_PREFIX,
        enableMetadata: true,
        // Imports and integrations call in bursts; revocation, not a quota, stops a key.
        rateLimit: { enabled: false },
        apiKeyHeaders: ['x-api-key'],
        schema: {
          apikey: {
            modelName: 'api_tokens',
            fields: {
              configId: 'config_id',
              referenceId: 'reference_id',
              refillInterval: 'refill_interval',
              refillAmount: 'refill_amount',
              lastRefillAt: 'last_refill_at',
              rateLimitEnabled: 'rate_limit_enabled',
              rateLimitTimeWindow: 'rate_limit_time_window',
              rateLimitMax: 'rate_limit_max',
              requestCount: 'request_count',
              lastRequest: 'last_request',
              expiresAt: 'expires_at',
              ...timestamps,
            },
          },
        },
      }),
      ...(options.plugins ?? []),
    ],
  });
}

export type TreelineAuth = ReturnType<typeof createTreelineAuth>;

/**
 * The installation's auth secret: TREELINE_AUTH_SECRET if set, else one generated on first
 * use and kept in the database, so every API and worker process signs alike.
 *
 * @example const secret = await authSecret(db, process.env.TREELINE_AUTH_SECRET);
 */
export async function authSecret(db: Db, configured?: string): Promise<string> {
  if (configured?.trim()) return configured.trim();
  return instanceSetting(db, 'auth_secret', () => randomBytes(32).toString('base64url'));
}
