/**
 * Writes generated demo data into an existing workspace: reps, capacity, contacts, deals,
 * engagement events and activities, then marks the activity exclusions. Set-based: each
 * batch is one `insert … select … from unnest($1::text[], $2::int8[], …)` with one array
 * parameter per column, which both PGlite and PostgreSQL take in one round trip.
 *
 * By default everything runs in one transaction (or in the caller's, when given one), on
 * both drivers and at every scale, so a crash leaves nothing half-written. To load the
 * bench data into PostgreSQL faster, `concurrency: 2` writes over two connections and
 * lets each batch commit on its own (documented on the option).
 *
 * Rows refer to reps and contacts by index; the ids the database assigns are read back
 * per batch (`returning id, external_id`) and activities, deals and events are mapped
 * through them in memory (a Float64Array per entity: 4 MB for 500,000 contacts). The
 * row-level exclusion reasons are stored as activities are written; the final
 * markActivityExclusions pass then only has duplicates left to change, and the activity
 * rollup the metric engine reads is built from the counted activities.
 */
import { type Kysely, sql } from 'kysely';
import {
  type ActivityExclusionCounts,
  exclusionReasonByRules,
  markActivityExclusions,
} from '../counting/mark-activity-exclusions';
import { refreshActivityRollup } from '../rollups/refresh-activity-rollup';
import type { Database } from '../schema/database';
import type { DemoDataOptions } from './demo-options';
import type { DemoCounts } from './demo-rows';
import { generateDemoData } from './generate-demo-data';

export type DemoEntity =
  | 'reps'
  | 'capacity'
  | 'contacts'
  | 'deals'
  | 'engagement_events'
  | 'activities'
  | 'activity_exclusions';

export interface InsertDemoDataOptions extends DemoDataOptions {
  /** Called after each batch with the rows written so far of that entity. */
  onProgress?: (entity: DemoEntity, done: number, total: number) => void;
  /**
   * Batches written at once over separate connections (default 1). Above 1 the write is
   * no longer one transaction: each batch commits on its own, so a failure leaves the
   * rows written so far behind (delete the workspace to retry). Meant for loading the
   * bench data into PostgreSQL; PGlite has one connection and gains nothing.
   */
  concurrency?: number;
}

export interface InsertedDemoData extends DemoCounts {
  exclusions: ActivityExclusionCounts;
}

type Db = Kysely<Database>;

/**
 * Writes every batch. With one connection, `write` runs on batch n while batch n + 1 is
 * generated: the PostgreSQL server inserts while this process builds rows (PGlite runs in
 * this thread, so there the overlap is nil but harmless). With more, that many writers
 * pull batches from the same generator.
 */
async function writeBatches<T>(
  batches: Iterable<T[]>,
  concurrency: number,
  write: (batch: T[]) => Promise<void>,
): Promise<void> {
  if (concurrency > 1) {
    const iterator = batches[Symbol.iterator]();
    let failed = false;
    const writer = async () => {
      for (let next = iterator.next(); !next.done && !failed; next = iterator.next()) {
        try {
          await write(next.value);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, writer));
    return;
  }
  let pending: Promise<void> | null = null;
  for (const batch of batches) {
    if (pending) await pending;
    pending = write(batch);
    // Keep a failure from counting as unhandled before it is awaited below.
    pending.catch(() => {});
    // Let the query leave for the server before generating the next batch synchronously.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (pending) await pending;
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

function idOf(ids: Float64Array, index: number | null, what: string): number | null {
  if (index === null) return null;
  const id = ids[index];
  if (id === undefined || id === 0)
    throw new Error(`demo data refers to ${what} ${index}, which was not written`);
  return id;
}

/**
 * Generates and writes demo data into an existing, empty workspace and returns the row
 * counts, with the exclusion counts of its activities.
 *
 * @example
 * const counts = await insertDemoData(db, workspace.id, {
 *   seed: 42, end: new Date(), scale: 'demo',
 *   onProgress: (entity, done, total) => console.log(entity, done, total),
 * });
 * counts.activities; // 80000
 */
export async function insertDemoData(
  db: Db,
  workspaceId: string,
  options: InsertDemoDataOptions,
): Promise<InsertedDemoData> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive whole number (got ${concurrency})`);
  }
  if (concurrency > 1) {
    if (db.isTransaction) {
      throw new RangeError('concurrency above 1 needs a database, not a transaction');
    }
    return insertAll(db, workspaceId, options, concurrency);
  }
  if (db.isTransaction) return insertAll(db, workspaceId, options, 1);
  return db.transaction().execute((trx) => insertAll(trx, workspaceId, options, 1));
}

async function insertAll(
  db: Db,
  workspaceId: string,
  options: InsertDemoDataOptions,
  concurrency: number,
): Promise<InsertedDemoData> {
  const data = generateDemoData(options);
  const counts = data.counts;
  const progress = options.onProgress ?? (() => {});

  // Reps: few, written with the query builder.
  const repIds = new Float64Array(counts.reps);
  if (data.reps.length > 0) {
    const inserted = await db
      .insertInto('reps')
      .values(
        data.reps.map((r) => ({
          workspace_id: workspaceId,
          external_id: r.externalId,
          name: r.name,
          team: r.team,
          segment: r.segment,
          person_id: null,
          active_from: r.activeFrom,
          active_to: r.activeTo,
          default_selling_hours: r.defaultSellingHours,
          default_admin_hours: r.defaultAdminHours,
        })),
      )
      .returning(['id', 'external_id'])
      .execute();
    const byExternal = new Map(data.reps.map((r) => [r.externalId, r.index]));
    for (const row of inserted) repIds[byExternal.get(row.external_id) ?? -1] = Number(row.id);
  }
  progress('reps', counts.reps, counts.reps);

  let done = 0;
  await writeBatches(data.capacity(), concurrency, async (batch) => {
    await sql`
      insert into capacity (workspace_id, rep_id, day, selling_hours, admin_hours)
      select ${workspaceId}::uuid, u.rep_id, u.day::date, u.selling::numeric, u.admin::numeric
      from unnest(${batch.map((c) => idOf(repIds, c.repIndex, 'rep'))}::int8[],
                  ${batch.map((c) => c.day)}::text[],
                  ${batch.map((c) => c.sellingHours)}::text[],
                  ${batch.map((c) => c.adminHours)}::text[]) as u(rep_id, day, selling, admin)`.execute(
      db,
    );
    done += batch.length;
    progress('capacity', done, counts.capacity);
  });

  const contactIds = new Float64Array(counts.contacts);
  done = 0;
  await writeBatches(data.contacts(), concurrency, async (batch) => {
    const inserted = await sql<{ id: number; external_id: string }>`
      insert into contacts (workspace_id, external_id, created_at, qualified_at, customer_at,
        lifecycle_stage, source, segment, owner_rep_id, account, properties)
      select ${workspaceId}::uuid, u.external_id, u.created_at::timestamptz, u.qualified_at::timestamptz,
        u.customer_at::timestamptz, u.lifecycle_stage, u.source, u.segment, u.owner_rep_id, u.account,
        u.properties::jsonb
      from unnest(${batch.map((c) => c.externalId)}::text[],
                  ${batch.map((c) => c.createdAt.toISOString())}::text[],
                  ${batch.map((c) => iso(c.qualifiedAt))}::text[],
                  ${batch.map((c) => iso(c.customerAt))}::text[],
                  ${batch.map((c) => c.lifecycleStage)}::text[],
                  ${batch.map((c) => c.source)}::text[],
                  ${batch.map((c) => c.segment)}::text[],
                  ${batch.map((c) => idOf(repIds, c.ownerRepIndex, 'rep'))}::int8[],
                  ${batch.map((c) => c.account)}::text[],
                  ${batch.map((c) => JSON.stringify(c.properties))}::text[])
        as u(external_id, created_at, qualified_at, customer_at, lifecycle_stage, source, segment,
             owner_rep_id, account, properties)
      returning id, external_id`.execute(db);
    const position = new Map(batch.map((c, i) => [c.externalId, i]));
    for (const row of inserted.rows) {
      const contact = batch[position.get(row.external_id) ?? -1];
      if (contact) contactIds[contact.index] = row.id;
    }
    done += batch.length;
    progress('contacts', done, counts.contacts);
  });

  done = 0;
  await writeBatches(data.deals(), concurrency, async (batch) => {
    await sql`
      insert into deals (workspace_id, external_id, contact_id, account, owner_rep_id, created_at,
        closed_at, stage, outcome, amount)
      select ${workspaceId}::uuid, u.external_id, u.contact_id, u.account, u.owner_rep_id,
        u.created_at::timestamptz, u.closed_at::timestamptz, u.stage, u.outcome, u.amount::numeric
      from unnest(${batch.map((d) => d.externalId)}::text[],
                  ${batch.map((d) => idOf(contactIds, d.contactIndex, 'contact'))}::int8[],
                  ${batch.map((d) => d.account)}::text[],
                  ${batch.map((d) => idOf(repIds, d.ownerRepIndex, 'rep'))}::int8[],
                  ${batch.map((d) => d.createdAt.toISOString())}::text[],
                  ${batch.map((d) => iso(d.closedAt))}::text[],
                  ${batch.map((d) => d.stage)}::text[],
                  ${batch.map((d) => d.outcome)}::text[],
                  ${batch.map((d) => d.amount)}::text[])
        as u(external_id, contact_id, account, owner_rep_id, created_at, closed_at, stage, outcome, amount)`.execute(
      db,
    );
    done += batch.length;
    progress('deals', done, counts.deals);
  });

  done = 0;
  await writeBatches(data.engagementEvents(), concurrency, async (batch) => {
    await sql`
      insert into engagement_events (workspace_id, external_id, contact_id, type, occurred_at, properties)
      select ${workspaceId}::uuid, u.external_id, u.contact_id, u.type, u.occurred_at::timestamptz,
        u.properties::jsonb
      from unnest(${batch.map((e) => e.externalId)}::text[],
                  ${batch.map((e) => idOf(contactIds, e.contactIndex, 'contact'))}::int8[],
                  ${batch.map((e) => e.type)}::text[],
                  ${batch.map((e) => e.occurredAt.toISOString())}::text[],
                  ${batch.map((e) => JSON.stringify(e.properties))}::text[])
        as u(external_id, contact_id, type, occurred_at, properties)`.execute(db);
    done += batch.length;
    progress('engagement_events', done, counts.engagementEvents);
  });

  done = 0;
  await writeBatches(data.activities(), concurrency, async (batch) => {
    await sql`
      insert into activities (workspace_id, external_id, source_system, contact_id, rep_id, channel,
        occurred_at, direction, automated, system_generated, replied, meeting_booked, deleted_at,
        excluded_reason)
      select ${workspaceId}::uuid, u.external_id, u.source_system, u.contact_id, u.rep_id, u.channel,
        u.occurred_at::timestamptz, u.direction, u.automated, u.system_generated, u.replied,
        u.meeting_booked, u.deleted_at::timestamptz, ${exclusionReasonByRules('u')}
      from unnest(${batch.map((a) => a.externalId)}::text[],
                  ${batch.map((a) => a.sourceSystem)}::text[],
                  ${batch.map((a) => idOf(contactIds, a.contactIndex, 'contact'))}::int8[],
                  ${batch.map((a) => idOf(repIds, a.repIndex, 'rep'))}::int8[],
                  ${batch.map((a) => a.channel)}::text[],
                  ${batch.map((a) => a.occurredAt.toISOString())}::text[],
                  ${batch.map((a) => a.direction)}::text[],
                  ${batch.map((a) => a.automated)}::bool[],
                  ${batch.map((a) => a.systemGenerated)}::bool[],
                  ${batch.map((a) => a.replied)}::bool[],
                  ${batch.map((a) => a.meetingBooked)}::bool[],
                  ${batch.map((a) => iso(a.deletedAt))}::text[])
        as u(external_id, source_system, contact_id, rep_id, channel, occurred_at, direction,
             automated, system_generated, replied, meeting_booked, deleted_at)`.execute(db);
    done += batch.length;
    progress('activities', done, counts.activities);
  });

  progress('activity_exclusions', 0, 1);
  // Also bumps the workspace's data version, so cached tree values of it are dropped.
  const exclusions = await markActivityExclusions(db, workspaceId);
  // After the version bump above, so the rollup is recorded as current.
  await refreshActivityRollup(db, workspaceId);
  progress('activity_exclusions', 1, 1);
  return { ...counts, exclusions };
}
