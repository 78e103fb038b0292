/**
 * Kysely table types for the whole schema. Migrations do not import these (they are
 * typed as Kysely<unknown>); repositories and queries do.
 *
 * bigint columns (ids, counts) are parsed to numbers on both drivers (they stay below 2^53);
 * numeric columns (hours, money) come back as decimal strings, never floats; dates as
 * "YYYY-MM-DD" strings.
 */
import type { ColumnMapping, CountingPolicy, ExcludedReason } from '@treeline/core';
import type {
  ColumnType,
  Generated,
  Insertable,
  Kysely,
  Selectable,
  Transaction,
  Updateable,
} from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Decimal = ColumnType<string, string | number, string | number>;
type BigId = ColumnType<number, number | string, number | string>;
type Json<T> = ColumnType<T, string, string>;
// Kysely's Generated<> does not unwrap a ColumnType, so defaulted columns of these get their own.
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedDecimal = ColumnType<string, string | number | undefined, string | number>;
type DefaultedJson<T> = ColumnType<T, string | undefined, string>;
type GeneratedBigId = ColumnType<number, number | string | undefined, number | string>;

export type Channel = 'call' | 'email' | 'meeting' | 'social' | 'task' | 'note';
export type Direction = 'outbound' | 'inbound';
export type { CountingPolicy, ExcludedReason };
export type LifecycleStage = 'lead' | 'contact' | 'opportunity' | 'customer' | 'former_customer';
export type Segment = 'smb' | 'mid_market' | 'enterprise';
export type PersonRole = 'admin' | 'editor' | 'viewer';
export type RaciRole = 'responsible' | 'accountable' | 'consulted' | 'informed';
export type EdgeRelation = 'sum' | 'product' | 'ratio' | 'segments' | 'formula' | 'driver';
export type EngagementEventType = 'page_view' | 'email_open' | 'email_click' | 'form_submit';

export interface WorkspacesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  time_zone: Generated<string>;
  week_start: Generated<number>;
  fiscal_year_start_month: Generated<number>;
  counting_policy: Generated<CountingPolicy>;
  duplicate_tolerance_seconds: Generated<number>;
  /** Bumped by every write of CRM data (bumpDataVersion): cached tree values key on it. */
  data_version: Generated<number>;
  created_at: DefaultedTimestamp;
}

export interface PeopleTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  email: string;
  /** What the person may do in the workspace once they have an account there. */
  role: PersonRole;
  created_at: DefaultedTimestamp;
  /** The account that signs in as this person (auth_users.id); null: no account yet. */
  user_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When an admin last sent the invitation (null: never invited). */
  invited_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  invited_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Deactivated people keep their RACI history but can no longer act in the workspace. */
  deactivated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** better-auth's users (docs/decisions/0037): global, one per email. */
export interface AuthUsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: Generated<boolean>;
  image: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface AuthSessionsTable {
  id: string;
  expires_at: Timestamp;
  token: string;
  created_at: DefaultedTimestamp;
  updated_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  user_id: string;
}

export interface AuthAccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  /** A password hash written by better-auth; never read by Treeline. */
  password: string | null;
  created_at: DefaultedTimestamp;
  updated_at: Timestamp;
}

export interface AuthVerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** better-auth's API keys: `key` is a hash; the key itself is shown once. */
export interface ApiTokensTable {
  id: string;
  config_id: string;
  name: string | null;
  start: string | null;
  reference_id: string;
  prefix: string | null;
  key: string;
  refill_interval: number | null;
  refill_amount: number | null;
  last_refill_at: Timestamp | null;
  enabled: boolean | null;
  rate_limit_enabled: boolean | null;
  rate_limit_time_window: number | null;
  rate_limit_max: number | null;
  request_count: number | null;
  remaining: number | null;
  last_request: Timestamp | null;
  expires_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  permissions: string | null;
  metadata: string | null;
}

export type ApiTokenScope = 'read' | 'read_write';

/** Which workspace an API token acts in, and with what scope. */
export interface WorkspaceApiTokensTable {
  workspace_id: string;
  token_id: string;
  scope: ApiTokenScope;
  /** The person (admin) who created it. */
  created_by: string | null;
}

export type AlertStatus = 'open' | 'acknowledged' | 'snoozed' | 'resolved';

export interface AlertsTable {
  workspace_id: string;
  id: Generated<string>;
  tree_id: string;
  node_id: string;
  grain: string;
  period_start: Timestamp;
  period_end: Timestamp;
  direction: 'up' | 'down';
  /** Whether the move is good or bad news, by the metric's direction. */
  tone: 'good' | 'bad';
  title: string;
  summary: string;
  /** What moved and why it counts (z, baseline, interval, the test that fired). */
  detection: Json<unknown>;
  /** The branch that explains the change: path, shares, recipients. */
  routing: Json<unknown>;
  routed_node_id: string;
  accountable_id: string | null;
  status: Generated<AlertStatus>;
  /** Found over history on a first run: recorded, never sent. */
  backfilled: Generated<boolean>;
  created_at: DefaultedTimestamp;
  escalate_at: Timestamp | null;
  escalated_at: Timestamp | null;
  escalated_to: string | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  snoozed_until: Timestamp | null;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface NotificationsTable {
  workspace_id: string;
  id: Generated<string>;
  person_id: string;
  /** alert, escalation, digest, verdict, score_threshold… */
  kind: string;
  /** Why this person got it: to, cc, informed, escalation. */
  role: string;
  title: string;
  body: string;
  /** Where in the app it leads (a hash address). */
  link: string | null;
  alert_id: string | null;
  created_at: DefaultedTimestamp;
  read_at: Timestamp | null;
  /** When a digest email carried it, and which (null: not yet, or not a digest item). */
  digested_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  digest_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export type DigestFrequency = 'daily' | 'weekly' | 'off';

/** A person's notification preferences in a workspace (no row: the defaults). */
export interface NotificationPreferencesTable {
  workspace_id: string;
  person_id: string;
  email_enabled: Generated<boolean>;
  in_app_enabled: Generated<boolean>;
  digest: Generated<DigestFrequency>;
  /** Quiet hours in minutes after local midnight (workspace time zone); both null: none. */
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
  updated_at: DefaultedTimestamp;
}

/** A dimension filter naming a scope: a team, a segment or a set of reps. */
export interface InterventionScopeJson {
  dimension: string;
  /** null (comparison only): every other value of the dimension. */
  values: string[] | null;
}

export interface InterventionsTable {
  workspace_id: string;
  id: Generated<string>;
  tree_id: string;
  target_node_id: string;
  /** Kept from when it was logged: the node may later be removed from its tree. */
  target_node_label: string;
  target_metric_key: string;
  title: string;
  description: Generated<string>;
  owner_id: string;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  expected_direction: 'up' | 'down';
  mde: number;
  treated_scope: Json<InterventionScopeJson>;
  comparison_scope: Json<InterventionScopeJson> | null;
  outcome_node_ids: Generated<string[]>;
  status: Generated<'open' | 'closed'>;
  created_by: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  closed_at: Timestamp | null;
}

export interface InterventionVerdictsTable {
  workspace_id: string;
  intervention_id: string;
  /** The target node or one of the outcome nodes. */
  node_id: string;
  verdict: string;
  result: Json<unknown>;
  summary: string;
  computed_at: DefaultedTimestamp;
}

export interface InterventionVerdictChangesTable {
  workspace_id: string;
  id: Generated<string>;
  intervention_id: string;
  node_id: string;
  from_verdict: string | null;
  to_verdict: string;
  result: Json<unknown>;
  summary: string;
  changed_at: DefaultedTimestamp;
}

export interface WebhookEndpointsTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  url: string;
  /** The Standard Webhooks signing secret (whsec_…), shown to the admin who adds it. */
  secret: string;
  /** Event types it receives, e.g. ['alert.raised']. */
  events: string[];
  enabled: Generated<boolean>;
  created_at: DefaultedTimestamp;
}

export type DeliveryChannel = 'email' | 'webhook';

export interface DeliveriesTable {
  workspace_id: string;
  /** Every attempt carries it (the webhook-id header), so a receiver drops a repeat. */
  id: Generated<string>;
  channel: DeliveryChannel;
  /** An email address, or a webhook endpoint's id. */
  target: string;
  event_type: string;
  /** What it is about (e.g. 'alert:<id>:to'); with channel and target, unique. */
  source_key: string;
  payload: Json<unknown>;
  status: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: DefaultedTimestamp;
  leased_until: Timestamp | null;
  last_error: string | null;
  created_at: DefaultedTimestamp;
  delivered_at: Timestamp | null;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
  created_at: DefaultedTimestamp;
}

export interface RepsTable {
  workspace_id: string;
  id: GeneratedBigId;
  external_id: string;
  name: string;
  team: string | null;
  segment: string | null;
  person_id: string | null;
  active_from: DateOnly | null;
  active_to: DateOnly | null;
  default_selling_hours: DefaultedDecimal;
  default_admin_hours: DefaultedDecimal;
}

export interface CapacityTable {
  workspace_id: string;
  rep_id: BigId;
  day: DateOnly;
  selling_hours: Decimal;
  admin_hours: DefaultedDecimal;
}

export interface ContactsTable {
  workspace_id: string;
  id: GeneratedBigId;
  external_id: string;
  created_at: Timestamp;
  qualified_at: Timestamp | null;
  customer_at: Timestamp | null;
  lifecycle_stage: LifecycleStage;
  source: string | null;
  segment: Segment | null;
  owner_rep_id: BigId | null;
  account: string | null;
  properties: DefaultedJson<Record<string, unknown>>;
  deleted_at: Timestamp | null;
}

export interface ActivitiesTable {
  workspace_id: string;
  id: GeneratedBigId;
  external_id: string;
  source_system: Generated<string>;
  contact_id: BigId | null;
  rep_id: BigId | null;
  channel: Channel;
  occurred_at: Timestamp;
  direction: Direction;
  automated: Generated<boolean>;
  system_generated: Generated<boolean>;
  replied: Generated<boolean>;
  meeting_booked: Generated<boolean>;
  deleted_at: Timestamp | null;
  excluded_reason: ExcludedReason | null;
}

export interface DealsTable {
  workspace_id: string;
  id: GeneratedBigId;
  external_id: string;
  contact_id: BigId | null;
  account: string | null;
  owner_rep_id: BigId | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
  stage: string;
  outcome: 'won' | 'lost' | null;
  amount: Decimal | null;
  deleted_at: Timestamp | null;
}

export interface EngagementEventsTable {
  workspace_id: string;
  id: GeneratedBigId;
  external_id: string;
  contact_id: BigId;
  type: EngagementEventType;
  occurred_at: Timestamp;
  properties: DefaultedJson<Record<string, unknown>>;
}

export interface MetricsTable {
  workspace_id: string;
  id: Generated<string>;
  key: string;
  name: string;
  description: Generated<string>;
  unit: 'count' | 'ratio' | 'percent' | 'hours' | 'duration';
  direction: 'higher_is_better' | 'lower_is_better' | 'within_band';
  kind: 'input' | 'output';
  definition: Json<unknown>;
  built_in: Generated<boolean>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface TreesTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  template_key: string | null;
  version: Generated<number>;
  motion: string | null;
  outbound_window_days: Generated<number>;
  /** Working days an alert may stay unacknowledged before it escalates to the parent's owner. */
  escalation_working_days: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface TreeNodesTable {
  workspace_id: string;
  tree_id: string;
  id: Generated<string>;
  metric_id: string;
  label: string;
  filter: DefaultedJson<Record<string, unknown>>;
  position_x: Generated<number>;
  position_y: Generated<number>;
  target: Json<unknown> | null;
  alert_rule: Json<unknown> | null;
}

export interface TreeEdgesTable {
  workspace_id: string;
  tree_id: string;
  id: Generated<string>;
  parent_node_id: string;
  child_node_id: string;
  relation: EdgeRelation;
  role: 'numerator' | 'denominator' | null;
  exponent: Generated<number>;
}

/** The whole draft of each saved version of a tree (core's TreeDraft as JSON). */
export interface TreeRevisionsTable {
  workspace_id: string;
  tree_id: string;
  version: number;
  draft: Json<unknown>;
  created_at: DefaultedTimestamp;
}

/** Counted activities per workspace-local day, contact, rep and activity dimensions. */
export interface ActivityRollupsTable {
  workspace_id: string;
  day: DateOnly;
  contact_id: BigId;
  rep_id: BigId | null;
  channel: Channel;
  direction: Direction;
  automated: boolean;
  replied: boolean;
  meeting_booked: boolean;
  activities: number;
  first_of_rep_day: boolean;
}

/** For which time zone and data version a workspace's activity rollup was built. */
export interface ActivityRollupStateTable {
  workspace_id: string;
  time_zone: string;
  data_version: BigId;
  refreshed_at: DefaultedTimestamp;
}

export interface NodeAssignmentsTable {
  workspace_id: string;
  node_id: string;
  person_id: string;
  role: RaciRole;
}

export type ImportEntityName = 'contacts' | 'activities' | 'deals' | 'reps' | 'capacity' | 'events';
export type ImportMode = 'all_or_nothing' | 'commit_valid';

/** One import, committed or refused, with its counts (see ingest/). */
export interface ImportsTable {
  workspace_id: string;
  id: Generated<string>;
  entity: ImportEntityName;
  origin: 'api' | 'csv' | 'cli';
  file_name: string | null;
  mode: ImportMode;
  status: 'committed' | 'refused';
  mapping: Json<unknown> | null;
  rows_read: GeneratedBigId;
  inserted: GeneratedBigId;
  updated: GeneratedBigId;
  unchanged: GeneratedBigId;
  rejected: GeneratedBigId;
  excluded: DefaultedJson<Record<string, number>>;
  message: string | null;
  started_at: Timestamp;
  finished_at: DefaultedTimestamp;
}

/** The rejected rows of an import: its downloadable report. */
export interface ImportRejectionsTable {
  workspace_id: string;
  import_id: string;
  seq: number;
  row_number: BigId;
  column_name: string | null;
  field: string | null;
  value: string | null;
  reason: string;
}

export interface ImportMappingsTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  entity: ImportEntityName;
  /** Checked as a column mapping before it is saved. */
  mapping: Json<ColumnMapping>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

/** One per committed import: what subscribers (metric engine, alerting) are told. */
/**
 * The outbox of domain events (core's DomainEvent union): written by the writer's own
 * transaction, read by each process's live feed in (tx, id) order and turned into jobs
 * once by the worker's dispatcher.
 */
export interface DomainEventsTable {
  workspace_id: string;
  id: GeneratedBigId;
  type: string;
  payload: Json<unknown>;
  /** The writing transaction's id (xid8, read as text); set by its default only. */
  tx: ColumnType<string, never, never>;
  created_at: DefaultedTimestamp;
  dispatched_at: ColumnType<Date | null, never, Date | string>;
}

/** A contact score model: core's ScoreModelDraft (minus its name) as JSON. */
export interface ScoreModelsTable {
  workspace_id: string;
  id: Generated<string>;
  name: string;
  definition: Json<unknown>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  computed_at: Timestamp | null;
}

export interface ContactScoresTable {
  workspace_id: string;
  model_id: string;
  contact_id: BigId;
  score: number;
  band: string;
  computed_at: Timestamp;
}

/** Each score a contact held under a model, over [valid_from, valid_to). */
export interface ContactScoreHistoryTable {
  workspace_id: string;
  model_id: string;
  contact_id: BigId;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  score: number;
}

export interface ScoreThresholdCrossingsTable {
  workspace_id: string;
  id: Generated<string>;
  model_id: string;
  contact_id: BigId;
  threshold: number;
  direction: 'up' | 'down';
  from_score: number;
  to_score: number;
  crossed_at: Timestamp;
  backfilled: Generated<boolean>;
}

export type ScoreBackfillStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'failed';

export interface ScoreBackfillsTable {
  workspace_id: string;
  id: Generated<string>;
  model_id: string;
  status: Generated<ScoreBackfillStatus>;
  steps_total: Generated<number>;
  steps_done: Generated<number>;
  started_at: DefaultedTimestamp;
  finished_at: Timestamp | null;
  message: string | null;
}

export interface Database {
  workspaces: WorkspacesTable;
  people: PeopleTable;
  auth_users: AuthUsersTable;
  auth_sessions: AuthSessionsTable;
  auth_accounts: AuthAccountsTable;
  auth_verifications: AuthVerificationsTable;
  api_tokens: ApiTokensTable;
  workspace_api_tokens: WorkspaceApiTokensTable;
  instance_settings: InstanceSettingsTable;
  alerts: AlertsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  webhook_endpoints: WebhookEndpointsTable;
  deliveries: DeliveriesTable;
  interventions: InterventionsTable;
  intervention_verdicts: InterventionVerdictsTable;
  intervention_verdict_changes: InterventionVerdictChangesTable;
  reps: RepsTable;
  capacity: CapacityTable;
  contacts: ContactsTable;
  activities: ActivitiesTable;
  deals: DealsTable;
  engagement_events: EngagementEventsTable;
  metrics: MetricsTable;
  trees: TreesTable;
  tree_nodes: TreeNodesTable;
  tree_edges: TreeEdgesTable;
  node_assignments: NodeAssignmentsTable;
  tree_revisions: TreeRevisionsTable;
  activity_rollups: ActivityRollupsTable;
  activity_rollup_state: ActivityRollupStateTable;
  imports: ImportsTable;
  import_rejections: ImportRejectionsTable;
  import_mappings: ImportMappingsTable;
  domain_events: DomainEventsTable;
  score_models: ScoreModelsTable;
  contact_scores: ContactScoresTable;
  contact_score_history: ContactScoreHistoryTable;
  score_threshold_crossings: ScoreThresholdCrossingsTable;
  score_backfills: ScoreBackfillsTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type NewWorkspace = Insertable<WorkspacesTable>;
export type Person = Selectable<PeopleTable>;
export type NewRep = Insertable<RepsTable>;
export type NewContact = Insertable<ContactsTable>;
export type NewActivity = Insertable<ActivitiesTable>;
export type NewDeal = Insertable<DealsTable>;
export type NewCapacity = Insertable<CapacityTable>;
export type NewEngagementEvent = Insertable<EngagementEventsTable>;
export type TreeUpdate = Updateable<TreesTable>;

/**
 * A handle on the database (or a transaction of it), as repositories take it. Apps name this
 * type instead of importing Kysely: SQL stays inside packages/db.
 */
export type Db = Kysely<Database>;

/** A transaction on the database, for writers that must run inside one (e.g. recordDomainEvent). */
export type Tx = Transaction<Database>;
