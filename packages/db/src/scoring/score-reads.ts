/**
 * Reading scores (docs/product.md §7): the preview of how many contacts each rule touches,
 * a contact's score with the rules that gave each point, its history and crossings, the
 * score on a date, and the lift table (today's bands against conversion so far, or a
 * backtest: scores as of a past date against conversion in the days after it).
 */
import {
  type ContactScoreView,
  type LiftTable,
  liftTableRows,
  type RulePreview,
  type ScoreModelDraft,
} from '@treeline/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema/database';
import { bandSql, contactScoresSql, ruleContributionsSql } from './score-sql';

/** How many contacts each rule gives points to, now (nothing is written). */
export async function previewScoreRules(
  db: Kysely<Database>,
  workspaceId: string,
  draft: Pick<ScoreModelDraft, 'rules'>,
): Promise<Omit<RulePreview, 'issues'>> {
  const asOf = new Date();
  const { rows } = await sql<{ rule: number; contacts: number }>`
    select k.rule, count(distinct k.contact_id)::int as contacts
    from (${ruleContributionsSql({ workspaceId, rules: draft.rules, asOf, scope: { kind: 'all' } })}) k
    group by k.rule`.execute(db);
  const total = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const byRule = new Map(rows.map((r) => [Number(r.rule), r.contacts]));
  return {
    rules: draft.rules.map((_, rule) => ({ rule, contacts: byRule.get(rule) ?? 0 })),
    contacts: Number(total.n),
  };
}

/** A contact's score under a model, why, and how it moved; undefined when it has none. */
export async function readContactScore(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
  draft: ScoreModelDraft,
  contactId: number,
): Promise<ContactScoreView | undefined> {
  const current = await db
    .selectFrom('contact_scores')
    .select(['score', 'band', 'computed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('model_id', '=', modelId)
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  if (!current) return undefined;
  const { rows } = await sql<{ rule: number; matches: number; points: number }>`
    select rule, matches::int as matches, points from (${ruleContributionsSql({
      workspaceId,
      rules: draft.rules,
      asOf: current.computed_at,
      scope: { kind: 'contacts', ids: [contactId] },
    })}) k order by rule`.execute(db);
  const history = await db
    .selectFrom('contact_score_history')
    .select(['score', 'valid_from', 'valid_to'])
    .where('workspace_id', '=', workspaceId)
    .where('model_id', '=', modelId)
    .where('contact_id', '=', contactId)
    .orderBy('valid_from')
    .execute();
  const crossings = await db
    .selectFrom('score_threshold_crossings')
    .select(['threshold', 'direction', 'crossed_at'])
    .where('workspace_id', '=', workspaceId)
    .where('model_id', '=', modelId)
    .where('contact_id', '=', contactId)
    .orderBy('crossed_at')
    .execute();
  return {
    modelId,
    contactId,
    score: current.score,
    band: current.band,
    rules: rows.map((r) => ({
      rule: Number(r.rule),
      label: draft.rules[Number(r.rule)]?.label ?? '',
      matches: Number(r.matches),
      points: r.points,
    })),
    history: history.map((h) => ({
      score: h.score,
      validFrom: h.valid_from.toISOString(),
      validTo: h.valid_to?.toISOString() ?? null,
    })),
    crossings: crossings.map((c) => ({
      threshold: c.threshold,
      direction: c.direction,
      crossedAt: c.crossed_at.toISOString(),
    })),
  };
}

/** The score a contact held on `at` by the model's history (null: not scored then). */
export async function scoreOnDate(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
  contactId: number,
  at: Date,
): Promise<number | null> {
  const row = await db
    .selectFrom('contact_score_history')
    .select('score')
    .where('workspace_id', '=', workspaceId)
    .where('model_id', '=', modelId)
    .where('contact_id', '=', contactId)
    .where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', at)]))
    .executeTakeFirst();
  return row?.score ?? null;
}

/** When the contact's score last went from below `threshold` to at or above it (null: never). */
export async function lastCrossedUp(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
  contactId: number,
  threshold: number,
): Promise<Date | null> {
  const { rows } = await sql<{ at: Date | null }>`
    select max(h.valid_from) as at from contact_score_history h
    where h.workspace_id = ${workspaceId}::uuid and h.model_id = ${modelId}::uuid and h.contact_id = ${contactId}
      and h.score >= ${threshold}::float8
      and coalesce((select p.score from contact_score_history p
        where p.workspace_id = h.workspace_id and p.model_id = h.model_id and p.contact_id = h.contact_id
          and p.valid_to = h.valid_from), 0) < ${threshold}::float8`.execute(db);
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

/**
 * The lift table: per band, contacts, converted (became customers), the rate with its 95%
 * Wilson interval, and its lift over the overall rate. Without `asOf`: the current scores
 * against conversion so far. With it: a backtest, scores as of `asOf` (computed from the
 * rules, whether or not the model was backfilled) of the contacts not yet customers then,
 * against becoming one within `horizonDays` after.
 */
export async function scoreLiftTable(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
  draft: ScoreModelDraft,
  options: { asOf?: Date; horizonDays?: number } = {},
): Promise<LiftTable> {
  let rows: Array<{ band: string; contacts: number; converted: number }>;
  if (!options.asOf) {
    ({ rows } = await sql<{ band: string; contacts: number; converted: number }>`
      select s.band, count(*)::int as contacts, count(c.customer_at)::int as converted
      from contact_scores s join contacts c on c.workspace_id = s.workspace_id and c.id = s.contact_id
      where s.workspace_id = ${workspaceId}::uuid and s.model_id = ${modelId}::uuid and c.deleted_at is null
      group by s.band`.execute(db));
  } else {
    const asOf = options.asOf;
    const horizon = options.horizonDays ?? 90;
    ({ rows } = await sql<{ band: string; contacts: number; converted: number }>`
      select ${bandSql(draft.bands, sql`n.score`)} as band, count(*)::int as contacts,
        count(*) filter (where c.customer_at <= ${asOf}::timestamptz + make_interval(days => ${horizon}::int))::int as converted
      from (${contactScoresSql({ workspaceId, rules: draft.rules, asOf, scope: { kind: 'all' } })}) n
      join contacts c on c.workspace_id = ${workspaceId}::uuid and c.id = n.contact_id
      where c.customer_at is null or c.customer_at > ${asOf}::timestamptz
      group by 1`.execute(db));
  }
  const counts = new Map(
    rows.map((r) => [r.band, { contacts: r.contacts, converted: r.converted }]),
  );
  const table = liftTableRows(draft.bands, counts);
  return {
    modelId,
    mode: options.asOf ? 'backtest' : 'current',
    asOf: (options.asOf ?? new Date()).toISOString(),
    horizonDays: options.asOf ? (options.horizonDays ?? 90) : null,
    ...table,
  };
}

/** The highest-scored contacts of a model, highest first. */
export async function listScoredContacts(
  db: Kysely<Database>,
  workspaceId: string,
  modelId: string,
  limit = 25,
) {
  const rows = await db
    .selectFrom('contact_scores as s')
    .innerJoin('contacts as c', (j) =>
      j.onRef('c.workspace_id', '=', 's.workspace_id').onRef('c.id', '=', 's.contact_id'),
    )
    .select(['s.contact_id', 'c.external_id', 's.score', 's.band', 'c.customer_at'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.model_id', '=', modelId)
    .orderBy('s.score', 'desc')
    .orderBy('s.contact_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    contactId: Number(r.contact_id),
    externalId: r.external_id,
    score: r.score,
    band: r.band,
    customer: r.customer_at !== null,
  }));
}
