/**
 * The movement-alert engine (docs/product.md §5, decisions 0038 and 0041): for every tree of
 * a workspace and each grain its nodes' rules name, evaluate each node's series with the
 * metric engine, plan the alerts of the latest complete period(s) with core's
 * planTreeAlerts, and in one transaction insert them with their notifications (Accountable
 * 'to', Responsible 'cc', Informed 'digest') and their deliveries (email to the Accountable
 * and Responsible people, one webhook per endpoint listening to alert.raised). A tree's
 * first run at a grain also fills its alert history, marked backfilled and never sent.
 * Idempotent: the alerts' unique key and the outbox's keys make a rerun write nothing.
 */
import {
  type AlertMessageInput,
  type AlertRuleGrain,
  alertEmail,
  alertWebhookBody,
  describeAlert,
  escalationTarget,
  type LoadedTree,
  type MovementRoute,
  type NodeSeries,
  nodeSeriesFromOutcomes,
  type Period,
  type PeriodOptions,
  type PlannedAlert,
  periodAt,
  planTreeAlerts,
  resolveAlertRule,
  toPeriodView,
  treeMetricCatalog,
  treeNodeRequest,
  treeViewPeriods,
  workingDaysDeadline,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import { enqueueDeliveries, type NewDelivery } from '../delivery/delivery.repository';
import { insertNotifications, type NewNotification } from '../delivery/notification.repository';
import { webhookEndpointsFor } from '../delivery/webhook-endpoint.repository';
import { evaluateMetricSeriesSettled } from '../metrics/evaluate-metric-series';
import type { Database, Workspace } from '../schema/database';
import { listTrees, loadTree } from '../trees/tree.repository';
import {
  type Alert,
  claimAlertsToEscalate,
  insertAlerts,
  markEscalated,
  type NewAlert,
  treeHasAlerts,
} from './alert.repository';

/** Periods of history evaluated per grain: a year of weeks, two years of months. */
export const MOVEMENT_HISTORY_PERIODS: Record<AlertRuleGrain, number> = { week: 53, month: 25 };
/** On later runs, the latest complete periods whose new alerts are sent (a late import). */
const SEND_PERIODS = 2;

export interface MovementCheckOptions {
  /** The clock (default now): the latest complete period before it is checked. */
  now?: Date;
  /** Only these trees (default: every tree of the workspace). */
  treeIds?: readonly string[];
  /** Where links in emails and webhooks point (default TREELINE_PUBLIC_URL or localhost). */
  publicUrl?: string;
}

export interface TreeMovementCheck {
  treeId: string;
  grain: AlertRuleGrain;
  /** The tree's first run at this grain: its history was filled. */
  backfill: boolean;
  /** Alerts inserted by this run (sent and backfilled). */
  inserted: number;
  sent: number;
  backfilled: number;
  deliveries: number;
  /** Nodes whose metric could not be evaluated, and why (they never alert). */
  unevaluated: Array<{ nodeId: string; reason: string }>;
}

/**
 * @example const { trees } = await checkWorkspaceMovements(db, workspace.id);
 */
export async function checkWorkspaceMovements(
  db: Kysely<Database>,
  workspaceId: string,
  options: MovementCheckOptions = {},
): Promise<{ trees: TreeMovementCheck[] }> {
  const workspace = await db
    .selectFrom('workspaces')
    .selectAll()
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  if (!workspace) return { trees: [] };
  const summaries = await listTrees(db, workspaceId);
  const results: TreeMovementCheck[] = [];
  for (const summary of summaries) {
    if (options.treeIds && !options.treeIds.includes(summary.id)) continue;
    const tree = await loadTree(db, workspaceId, summary.id);
    if (!tree) continue;
    for (const grain of treeGrains(tree)) {
      results.push(await checkTreeAtGrain(db, workspace, tree, grain, options));
    }
  }
  return { trees: results };
}

/** The grains a tree's enabled rules name, weeks first. */
function treeGrains(tree: LoadedTree): AlertRuleGrain[] {
  const grains = new Set<AlertRuleGrain>();
  for (const node of tree.nodes) {
    const rule = resolveAlertRule(node.alertRule);
    if (rule.enabled) for (const grain of rule.grains) grains.add(grain);
  }
  return (['week', 'month'] as const).filter((g) => grains.has(g));
}

function periodOptionsOf(workspace: Workspace): PeriodOptions {
  return {
    timeZone: workspace.time_zone,
    weekStart: workspace.week_start,
    fiscalYearStartMonth: workspace.fiscal_year_start_month,
  };
}

interface Prepared {
  alert: NewAlert;
  planned: PlannedAlert;
  periodLabel: string;
  periodAt: string;
}

async function checkTreeAtGrain(
  db: Kysely<Database>,
  workspace: Workspace,
  tree: LoadedTree,
  grain: AlertRuleGrain,
  options: MovementCheckOptions,
): Promise<TreeMovementCheck> {
  const now = options.now ?? new Date();
  const periodOptions = periodOptionsOf(workspace);
  const { periods } = treeViewPeriods(
    { grain, periods: MOVEMENT_HISTORY_PERIODS[grain] },
    now,
    periodOptions,
  );
  const seriesByNode = await evaluateHistory(db, workspace, tree, periods);
  const backfill = !(await treeHasAlerts(db, workspace.id, tree.id, grain));
  const last = periods.length - 1;
  const firstSent = backfill ? last : Math.max(1, last - SEND_PERIODS + 1);
  const from = backfill ? 1 : firstSent;
  const treeRow = await db
    .selectFrom('trees')
    .select('escalation_working_days')
    .where('workspace_id', '=', workspace.id)
    .where('id', '=', tree.id)
    .executeTakeFirstOrThrow();

  const prepared: Prepared[] = [];
  let unevaluated: TreeMovementCheck['unevaluated'] = [];
  for (let at = from; at <= last; at++) {
    const plan = planTreeAlerts({ tree, seriesByNode, grain, at });
    if (at === last) unevaluated = plan.unevaluated;
    const period = periods[at]!;
    const periodLabel = toPeriodView(period, periodOptions, now).label;
    for (const planned of plan.alerts) {
      const text = describeAlert({ tree, alert: planned, periodLabel, grain });
      const backfilled = at < firstSent;
      prepared.push({
        planned,
        periodLabel,
        periodAt: periodAt(period, periodOptions),
        alert: {
          workspaceId: workspace.id,
          treeId: tree.id,
          nodeId: planned.nodeId,
          grain,
          periodStart: new Date(period.start),
          periodEnd: new Date(period.end),
          direction: planned.direction,
          tone: planned.tone,
          title: text.title,
          summary: text.summary,
          detection: planned.detection,
          routing: { ...planned.route, suppressed: planned.suppressed },
          routedNodeId: planned.route.routedNodeId,
          accountableId: planned.accountableId,
          backfilled,
          escalateAt: backfilled
            ? null
            : workingDaysDeadline(now, treeRow.escalation_working_days, workspace.time_zone),
        },
      });
    }
  }

  const publicUrl = options.publicUrl ?? defaultPublicUrl();
  return db.transaction().execute(async (trx) => {
    const fresh = await insertAlerts(
      trx,
      prepared.map((p) => p.alert),
    );
    const keyOf = (a: { nodeId: string; periodStart: Date; direction: string }) =>
      `${a.nodeId}|${a.periodStart.getTime()}|${a.direction}`;
    const byKey = new Map(prepared.map((p) => [keyOf(p.alert), p]));
    const toSend = fresh.filter((row) => !row.backfilled);
    let deliveries = 0;
    if (toSend.length > 0) {
      const endpoints = await webhookEndpointsFor(trx, workspace.id, 'alert.raised');
      for (const row of toSend) {
        const p = byKey.get(
          keyOf({ nodeId: row.node_id, periodStart: row.period_start, direction: row.direction }),
        )!;
        deliveries += await tellPeople(trx, tree, row, p, publicUrl, endpoints);
      }
    }
    return {
      treeId: tree.id,
      grain,
      backfill,
      inserted: fresh.length,
      sent: toSend.length,
      backfilled: fresh.length - toSend.length,
      deliveries,
      unevaluated,
    };
  });
}

/** Periods evaluated per call: the cost of some metrics (a median) grows faster than linearly. */
const EVALUATION_CHUNK = 8;

/**
 * Each node's series over `periods`, evaluated a few periods at a time and joined; a node
 * that fails in any chunk keeps that error (and no values).
 */
async function evaluateHistory(
  db: Kysely<Database>,
  workspace: Workspace,
  tree: LoadedTree,
  periods: readonly Period[],
): Promise<Map<string, NodeSeries>> {
  const catalog = treeMetricCatalog(tree);
  const requests = tree.nodes.map((node) => treeNodeRequest(node, {}));
  const joined = new Map<string, NodeSeries>(
    tree.nodes.map((n) => [n.id, { values: [], numerators: [], denominators: [], error: null }]),
  );
  for (let from = 0; from < periods.length; from += EVALUATION_CHUNK) {
    const chunk = periods.slice(from, from + EVALUATION_CHUNK);
    const outcomes = await evaluateMetricSeriesSettled(db, workspace, {
      periods: [...chunk],
      requests,
      catalog,
      useRollups: true,
    });
    const part = nodeSeriesFromOutcomes(tree.nodes, outcomes, chunk.length);
    for (const node of tree.nodes) {
      const into = joined.get(node.id)!;
      const add = part.get(node.id)!;
      into.values.push(...add.values);
      into.error ??= add.error;
      if (add.numerators && into.numerators) into.numerators.push(...add.numerators);
      else into.numerators = null;
      if (add.denominators && into.denominators) into.denominators.push(...add.denominators);
      else into.denominators = null;
    }
  }
  return joined;
}

function defaultPublicUrl(): string {
  return process.env.TREELINE_PUBLIC_URL?.trim().replace(/\/+$/, '') || 'http://localhost:3000';
}

function messageInput(
  tree: LoadedTree,
  row: Alert,
  p: Pick<Prepared, 'periodLabel' | 'periodAt'>,
  route: Pick<MovementRoute, 'routedNodeId' | 'path'>,
  publicUrl: string,
  role: AlertMessageInput['role'],
): AlertMessageInput {
  const label = (id: string) => tree.nodes.find((n) => n.id === id)?.label ?? id;
  const detection = row.detection as {
    value?: number | null;
    z?: number | null;
    changePct?: number | null;
    baseline?: { median: number } | null;
  };
  const accountable = tree.assignments.find(
    (a) => a.nodeId === row.routed_node_id && a.role === 'accountable',
  );
  return {
    alertId: row.id,
    workspaceId: row.workspace_id,
    treeId: row.tree_id,
    treeName: tree.name,
    nodeId: row.node_id,
    nodeLabel: label(row.node_id),
    routedNodeId: row.routed_node_id,
    routedNodeLabel: label(row.routed_node_id),
    routedShare: route.path.at(-1)?.cumulativeShare ?? 1,
    accountableName: accountable?.personName ?? null,
    grain: row.grain,
    periodStart: row.period_start.toISOString(),
    periodLabel: p.periodLabel,
    direction: row.direction,
    tone: row.tone,
    title: row.title,
    summary: row.summary,
    link: `${publicUrl}/#/trees/${row.tree_id}?grain=${row.grain}&at=${p.periodAt}&node=${row.node_id}`,
    value: detection.value ?? null,
    baseline: detection.baseline?.median ?? null,
    changePct: detection.changePct ?? null,
    z: detection.z ?? null,
    role,
  };
}

async function emailsOf(db: Kysely<Database>, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'email'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...ids])
    .where('deactivated_at', 'is', null)
    .execute();
  return new Map(rows.filter((r) => r.email.includes('@')).map((r) => [r.id, r.email]));
}

/** The inbox entries, emails and webhooks of one new alert; returns the deliveries enqueued. */
async function tellPeople(
  trx: Kysely<Database>,
  tree: LoadedTree,
  row: Alert,
  p: Prepared,
  publicUrl: string,
  endpoints: Awaited<ReturnType<typeof webhookEndpointsFor>>,
): Promise<number> {
  const { planned } = p;
  const recipients: Array<{ personId: string; role: 'to' | 'cc' | 'digest' }> = [];
  const add = (personId: string, role: 'to' | 'cc' | 'digest') => {
    if (!recipients.some((r) => r.personId === personId)) recipients.push({ personId, role });
  };
  if (planned.accountableId) add(planned.accountableId, 'to');
  for (const id of planned.responsibleIds) add(id, 'cc');
  for (const id of planned.informedIds) add(id, 'digest');
  const notifications: NewNotification[] = recipients.map((r) => ({
    workspaceId: row.workspace_id,
    personId: r.personId,
    kind: 'alert',
    role: r.role,
    title: row.title,
    body: row.summary,
    link: `#/trees/${row.tree_id}?grain=${row.grain}&at=${p.periodAt}&node=${row.node_id}`,
    alertId: row.id,
  }));
  await insertNotifications(trx, notifications);

  const emails = await emailsOf(
    trx,
    row.workspace_id,
    recipients.filter((r) => r.role !== 'digest').map((r) => r.personId),
  );
  const deliveries: NewDelivery[] = [];
  for (const r of recipients) {
    const email = emails.get(r.personId);
    if (!email || r.role === 'digest') continue;
    const mail = alertEmail(messageInput(tree, row, p, planned.route, publicUrl, r.role));
    deliveries.push({
      workspaceId: row.workspace_id,
      channel: 'email',
      target: email,
      eventType: 'alert.raised',
      sourceKey: `alert:${row.id}:${r.role}`,
      payload: mail,
    });
  }
  const body = alertWebhookBody(messageInput(tree, row, p, planned.route, publicUrl, 'to'));
  for (const endpoint of endpoints) {
    deliveries.push({
      workspaceId: row.workspace_id,
      channel: 'webhook',
      target: endpoint.id,
      eventType: 'alert.raised',
      sourceKey: `alert:${row.id}`,
      payload: { body },
    });
  }
  return enqueueDeliveries(trx, deliveries);
}

/**
 * Escalates the open alerts whose acknowledgement deadline has passed: the parent branch's
 * Accountable gets an inbox entry and an email, and the alert is marked escalated (to
 * nobody when no one is above). Claimed with SKIP LOCKED, so two workers never escalate one
 * alert twice. Returns how many were escalated.
 *
 * @example await escalateDueAlerts(db, { now: new Date() });
 */
export async function escalateDueAlerts(
  db: Kysely<Database>,
  options: { now?: Date; publicUrl?: string } = {},
): Promise<number> {
  const now = options.now ?? new Date();
  const publicUrl = options.publicUrl ?? defaultPublicUrl();
  return db.transaction().execute(async (trx) => {
    const due = await claimAlertsToEscalate(trx, now);
    const trees = new Map<string, LoadedTree | null>();
    for (const alert of due) {
      const key = `${alert.workspace_id}|${alert.tree_id}`;
      if (!trees.has(key)) trees.set(key, await loadTree(trx, alert.workspace_id, alert.tree_id));
      const tree = trees.get(key);
      const route = alert.routing as Pick<MovementRoute, 'routedNodeId' | 'path'>;
      const target = tree ? escalationTarget(tree, route, alert.accountable_id) : null;
      if (tree && target) {
        const workspace = await trx
          .selectFrom('workspaces')
          .selectAll()
          .where('id', '=', alert.workspace_id)
          .executeTakeFirstOrThrow();
        const periodOptions = periodOptionsOf(workspace);
        const period = {
          grain: alert.grain as AlertRuleGrain,
          start: alert.period_start.toISOString(),
          end: alert.period_end.toISOString(),
        };
        const p = {
          periodLabel: toPeriodView(period, periodOptions, now).label,
          periodAt: periodAt(period, periodOptions),
        };
        await insertNotifications(trx, [
          {
            workspaceId: alert.workspace_id,
            personId: target.personId,
            kind: 'alert',
            role: 'escalation',
            title: `Escalated: ${alert.title}`,
            body: alert.summary,
            link: `#/trees/${alert.tree_id}?grain=${alert.grain}&at=${p.periodAt}&node=${alert.node_id}`,
            alertId: alert.id,
          },
        ]);
        const emails = await emailsOf(trx, alert.workspace_id, [target.personId]);
        const email = emails.get(target.personId);
        if (email) {
          await enqueueDeliveries(trx, [
            {
              workspaceId: alert.workspace_id,
              channel: 'email',
              target: email,
              eventType: 'alert.escalated',
              sourceKey: `alert:${alert.id}:escalation`,
              payload: alertEmail(messageInput(tree, alert, p, route, publicUrl, 'escalation')),
            },
          ]);
        }
      }
      await markEscalated(trx, alert, target?.personId ?? null, now);
    }
    return due.length;
  });
}
