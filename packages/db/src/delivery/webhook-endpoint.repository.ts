/** Where a workspace's automations listen for Treeline's events (signed Standard Webhooks). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema/database';

export interface WebhookEndpoint {
  id: string;
  workspaceId: string;
  name: string;
  url: string;
  secret: string;
  events: string[];
  enabled: boolean;
  createdAt: Date;
}

type Row = {
  id: string;
  workspace_id: string;
  name: string;
  url: string;
  secret: string;
  events: string[];
  enabled: boolean;
  created_at: Date;
};

const endpointOf = (row: Row): WebhookEndpoint => ({
  id: row.id,
  workspaceId: row.workspace_id,
  name: row.name,
  url: row.url,
  secret: row.secret,
  events: row.events,
  enabled: row.enabled,
  createdAt: row.created_at,
});

/** @example await insertWebhookEndpoint(db, { workspaceId, name: 'Slack', url, secret, events: ['alert.raised'] }); */
export async function insertWebhookEndpoint(
  db: Kysely<Database>,
  values: { workspaceId: string; name: string; url: string; secret: string; events: string[] },
): Promise<WebhookEndpoint> {
  const row = await db
    .insertInto('webhook_endpoints')
    .values({
      workspace_id: values.workspaceId,
      name: values.name,
      url: values.url,
      secret: values.secret,
      events: values.events,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return endpointOf(row);
}

export async function listWebhookEndpoints(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<WebhookEndpoint[]> {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .execute();
  return rows.map(endpointOf);
}

/** The enabled endpoints that receive `eventType`. */
export async function webhookEndpointsFor(
  db: Kysely<Database>,
  workspaceId: string,
  eventType: string,
): Promise<WebhookEndpoint[]> {
  return (await listWebhookEndpoints(db, workspaceId)).filter(
    (e) => e.enabled && e.events.includes(eventType),
  );
}

export async function findWebhookEndpoint(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<WebhookEndpoint | undefined> {
  const row = await db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? endpointOf(row) : undefined;
}

/** Returns whether an endpoint of the workspace was deleted. */
export async function deleteWebhookEndpoint(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
