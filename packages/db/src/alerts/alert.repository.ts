/**
 * Movement alerts as stored: one per node, grain, period and direction (a unique key, so
 * two workers or a restart can never raise one twice), and their lifecycle: acknowledged,
 * snoozed until a date, resolved with a note, escalated to the parent branch's owner.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AlertStatus, AlertsTable, Database } from '../schema/database';

export type Alert = Selectable<AlertsTable>;

export interface NewAlert {
  workspaceId: string;
  treeId: string;
  nodeId: string;
  grain: string;
  periodStart: Date;
  periodEnd: Date;
  direction: 'up' | 'down';
  tone: 'good' | 'bad';
  title: string;
  summary: string;
  detection: unknown;
  routing: unknown;
  routedNodeId: string;
  accountableId: string | null;
  backfilled: boolean;
  escalateAt: Date | null;
}

/**
 * Inserts the alerts not raised before (by their unique key); returns only the new ones,
 * which are the ones to tell people about.
 *
 * @example const fresh = await insertAlerts(trx, planned);
 */
export async function insertAlerts(
  db: Kysely<Database>,
  alerts: readonly NewAlert[],
): Promise<Alert[]> {
  if (alerts.length === 0) return [];
  return db
    .insertInto('alerts')
    .values(
      alerts.map((a) => ({
        workspace_id: a.workspaceId,
        tree_id: a.treeId,
        node_id: a.nodeId,
        grain: a.grain,
        period_start: a.periodStart,
        period_end: a.periodEnd,
        direction: a.direction,
        tone: a.tone,
        title: a.title,
        summary: a.summary,
        detection: JSON.stringify(a.detection),
        routing: JSON.stringify(a.routing),
        routed_node_id: a.routedNodeId,
        accountable_id: a.accountableId,
        backfilled: a.backfilled,
        escalate_at: a.escalateAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'tree_id', 'node_id', 'grain', 'period_start', 'direction'])
        .doNothing(),
    )
    .returningAll()
    .execute();
}

/** Whether the tree has any alert at this grain yet (none: its history is still to backfill). */
export async function treeHasAlerts(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
  grain: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('alerts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('tree_id', '=', treeId)
    .where('grain', '=', grain)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AlertQuery {
  treeId?: string;
  nodeId?: string;
  /** Only alerts that still want attention (open, or snoozed past their date). */
  open?: boolean;
  /** Only alerts routed to (or escalated to) this person. */
  personId?: string;
  /** Include backfilled history (default: yes when asking about one node). */
  includeBackfilled?: boolean;
  limit?: number;
  now?: Date;
}

/** @example const open = await listAlerts(db, ws.id, { treeId, open: true }); */
export async function listAlerts(
  db: Kysely<Database>,
  workspaceId: string,
  query: AlertQuery = {},
): Promise<Alert[]> {
  const now = query.now ?? new Date();
  let q = db.selectFrom('alerts').selectAll().where('workspace_id', '=', workspaceId);
  if (query.treeId) q = q.where('tree_id', '=', query.treeId);
  if (query.nodeId) q = q.where('node_id', '=', query.nodeId);
  if (!(query.includeBackfilled ?? query.nodeId !== undefined))
    q = q.where('backfilled', '=', false);
  if (query.open) {
    q = q.where((eb) =>
      eb.or([
        eb('status', '=', 'open'),
        eb.and([eb('status', '=', 'snoozed'), eb('snoozed_until', '<=', now)]),
      ]),
    );
  }
  if (query.personId) {
    const person = query.personId;
    q = q.where((eb) =>
      eb.or([eb('accountable_id', '=', person), eb('escalated_to', '=', person)]),
    );
  }
  return q
    .orderBy('period_start', 'desc')
    .orderBy('created_at', 'desc')
    .limit(query.limit ?? 200)
    .execute();
}

export async function findAlert(
  db: Kysely<Database>,
  workspaceId: string,
  alertId: string,
): Promise<Alert | undefined> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', alertId)
    .executeTakeFirst();
}

export type AlertChange =
  | { action: 'acknowledge'; personId: string | null }
  | { action: 'snooze'; personId: string | null; until: Date }
  | { action: 'resolve'; personId: string | null; note: string }
  | { action: 'reopen' };

/**
 * Moves an alert along its lifecycle; returns it as changed (undefined: not in the workspace).
 *
 * @example await changeAlert(db, ws.id, id, { action: 'snooze', personId, until });
 */
export async function changeAlert(
  db: Kysely<Database>,
  workspaceId: string,
  alertId: string,
  change: AlertChange,
  now = new Date(),
): Promise<Alert | undefined> {
  const set: Partial<Record<keyof AlertsTable, unknown>> & { status: AlertStatus } =
    change.action === 'acknowledge'
      ? { status: 'acknowledged', acknowledged_at: now, acknowledged_by: change.personId }
      : change.action === 'snooze'
        ? {
            status: 'snoozed',
            snoozed_until: change.until,
            acknowledged_at: now,
            acknowledged_by: change.personId,
          }
        : change.action === 'resolve'
          ? {
              status: 'resolved',
              resolved_at: now,
              resolved_by: change.personId,
              resolution_note: change.note,
            }
          : {
              status: 'open',
              resolved_at: null,
              resolved_by: null,
              resolution_note: null,
              snoozed_until: null,
            };
  return db
    .updateTable('alerts')
    .set(set as never)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', alertId)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Open, never-escalated alerts whose acknowledgement deadline has passed, across
 * workspaces, claimed for this run (another worker skips them).
 */
export async function claimAlertsToEscalate(
  db: Kysely<Database>,
  now = new Date(),
  limit = 50,
): Promise<Alert[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('status', '=', 'open')
    .where('backfilled', '=', false)
    .where('escalated_at', 'is', null)
    .where('escalate_at', '<=', now)
    .orderBy('escalate_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Records an escalation (the caller tells the person in the same transaction). */
export async function markEscalated(
  db: Kysely<Database>,
  alert: Pick<Alert, 'workspace_id' | 'id'>,
  to: string | null,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ escalated_at: now, escalated_to: to })
    .where('workspace_id', '=', alert.workspace_id)
    .where('id', '=', alert.id)
    .execute();
}

/** How many open alerts each node of a tree has (badges on node cards). */
export async function openAlertCounts(
  db: Kysely<Database>,
  workspaceId: string,
  treeId: string,
  now = new Date(),
): Promise<Map<string, number>> {
  const rows = await listAlerts(db, workspaceId, { treeId, open: true, now, limit: 10_000 });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.node_id, (counts.get(row.node_id) ?? 0) + 1);
  return counts;
}
