/**
 * Accounts (docs/decisions/0037-accounts-and-workspaces.md). Identity is global: the auth_*
 * tables hold better-auth's users, sessions, credentials and one-time tokens, and
 * api_tokens its API keys, in the columns its schema asks for, written snake_case. They
 * are the only tables not led by workspace_id: a user belongs to several workspaces. What
 * a user may do in a workspace is their person there: people gain the account they are
 * linked to, when they were invited, and when they were deactivated. instance_settings
 * keeps what one installation shares across its API processes (the auth secret).
 *
 * Typed as Kysely<unknown>: a migration must never change when the schema types do.
 */
import { type Kysely, sql } from 'kysely';

const now = sql`now()`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('image', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('auth_users.id').onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('auth_sessions_user_idx')
    .on('auth_sessions')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('auth_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('auth_users.id').onDelete('cascade'),
    )
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('id_token', 'text')
    .addColumn('access_token_expires_at', 'timestamptz')
    .addColumn('refresh_token_expires_at', 'timestamptz')
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_accounts_user_idx')
    .on('auth_accounts')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('auth_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('auth_verifications_identifier_idx')
    .on('auth_verifications')
    .column('identifier')
    .execute();
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('config_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('start', 'text')
    .addColumn('reference_id', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('refill_interval', 'integer')
    .addColumn('refill_amount', 'integer')
    .addColumn('last_refill_at', 'timestamptz')
    .addColumn('enabled', 'boolean')
    .addColumn('rate_limit_enabled', 'boolean')
    .addColumn('rate_limit_time_window', 'integer')
    .addColumn('rate_limit_max', 'integer')
    .addColumn('request_count', 'integer')
    .addColumn('remaining', 'integer')
    .addColumn('last_request', 'timestamptz')
    .addColumn('expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('permissions', 'text')
    .addColumn('metadata', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_key_idx').on('api_tokens').column('key').execute();
  await db.schema
    .createIndex('api_tokens_reference_idx')
    .on('api_tokens')
    .column('reference_id')
    .execute();
  await db.schema
    .createIndex('api_tokens_config_idx')
    .on('api_tokens')
    .column('config_id')
    .execute();
  // Which workspace a token acts in, for listing a workspace's tokens (the key's metadata
  // says the same; this is what SQL can index and join).
  await db.schema
    .createTable('workspace_api_tokens')
    .addColumn('workspace_id', 'uuid', (c) =>
      c.notNull().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('token_id', 'text', (c) =>
      c.notNull().unique().references('api_tokens.id').onDelete('cascade'),
    )
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('read', 'read_write')`))
    .addColumn('created_by', 'uuid')
    .addPrimaryKeyConstraint('workspace_api_tokens_pk', ['workspace_id', 'token_id'])
    .execute();

  await db.schema
    .alterTable('people')
    .addColumn('user_id', 'text', (c) => c.references('auth_users.id').onDelete('set null'))
    .addColumn('invited_at', 'timestamptz')
    .addColumn('invited_by', 'uuid')
    .addColumn('deactivated_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('people_user_uq')
    .on('people')
    .columns(['workspace_id', 'user_id'])
    .unique()
    .execute();
  await db.schema.createIndex('people_user_idx').on('people').column('user_id').execute();

  await db.schema
    .createTable('instance_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('instance_settings').execute();
  await db.schema.dropIndex('people_user_idx').execute();
  await db.schema.dropIndex('people_user_uq').execute();
  await db.schema
    .alterTable('people')
    .dropColumn('user_id')
    .dropColumn('invited_at')
    .dropColumn('invited_by')
    .dropColumn('deactivated_at')
    .execute();
  for (const table of [
    'workspace_api_tokens',
    'api_tokens',
    'auth_verifications',
    'auth_accounts',
    'auth_sessions',
    'auth_users',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
