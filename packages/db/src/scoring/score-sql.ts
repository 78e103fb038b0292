/**
 * The SQL of a score model (docs/decisions/0043-contact-scoring.md): every contact's points
 * per rule as of an instant, set-based. Attribute rules are one pass over the contacts (a
 * lateral list of the rules that hold), engagement events one grouped pass (each rule a
 * FILTER count over the events deduplicated: the same contact, type, time and properties
 * count once, however many rows carry them), activities one grouped pass over the counted
 * activities. Every value (property keys included) is a bound parameter.
 */
import {
  type AttributeRule,
  type EventRule,
  isEngagementEvent,
  SCORE_ATTRIBUTE_PREFIX,
  type ScoreBand,
  type ScoreRule,
} from '@treeline/core';
import { type RawBuilder, sql } from 'kysely';

/** Which contacts a computation covers. */
export type ScoreScope =
  | { kind: 'all' }
  | { kind: 'contacts'; ids: readonly number[] }
  /** Contacts with engagement events or activities in [from, to] (what an import touched). */
  | { kind: 'touched'; table: 'engagement_events' | 'activities'; from: Date; to: Date };

export interface ScoreQueryOptions {
  workspaceId: string;
  rules: readonly ScoreRule[];
  asOf: Date;
  scope: ScoreScope;
}

const ATTRIBUTE_COLUMNS: Readonly<Record<string, string>> = {
  segment: 'segment',
  source: 'source',
  lifecycle_stage: 'lifecycle_stage',
  account: 'account',
};

function attributeValue(attribute: string): RawBuilder<unknown> {
  if (attribute.startsWith(SCORE_ATTRIBUTE_PREFIX)) {
    return sql`(s.properties ->> ${attribute.slice(SCORE_ATTRIBUTE_PREFIX.length)}::text)`;
  }
  const column = ATTRIBUTE_COLUMNS[attribute];
  if (!column) throw new Error(`unknown score attribute ${attribute}`);
  return sql`s.${sql.raw(column)}::text`;
}

function attributeHolds(rule: AttributeRule): RawBuilder<boolean> {
  const value = attributeValue(rule.attribute);
  const values = rule.value === null ? [] : Array.isArray(rule.value) ? rule.value : [rule.value];
  switch (rule.operator) {
    case 'equals':
      return sql<boolean>`coalesce(${value} = ${values[0] ?? ''}::text, false)`;
    case 'not_equals':
      return sql<boolean>`(${value} is distinct from ${values[0] ?? ''}::text)`;
    case 'in':
      return sql<boolean>`coalesce(${value} = any(${values}::text[]), false)`;
    case 'is_set':
      return sql<boolean>`coalesce(${value} <> '', false)`;
  }
}

/** The points of a rule for `matches` (SQL): once, every, then the cap on the absolute value. */
function pointsOf(rule: ScoreRule, matches: RawBuilder<unknown>): RawBuilder<number> {
  const once = rule.kind === 'attribute' || rule.applies === 'once';
  const raw = once
    ? sql`case when ${matches} > 0 then ${rule.points}::float8 else 0 end`
    : sql`(${rule.points}::float8 * ${matches})`;
  const cap = rule.kind === 'event' ? rule.cap : null;
  if (cap === null) return sql<number>`${raw}`;
  return sql<number>`(sign(${raw}) * least(abs(${raw}), ${cap}::float8))`;
}

function eventMatches(rule: EventRule, alias: 'e' | 'a', asOf: Date): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  if (alias === 'e') {
    parts.push(sql`e.type = ${rule.event}::text`);
    if (rule.where) {
      parts.push(sql`e.properties ->> ${rule.where.property}::text = ${rule.where.value}::text`);
    }
  } else {
    const kind = rule.event.slice('activity.'.length);
    if (kind === 'reply') parts.push(sql`a.replied`);
    else if (kind === 'meeting_booked') parts.push(sql`a.meeting_booked`);
    else parts.push(sql`a.channel = ${kind}::text`);
  }
  if (rule.decayDays !== null) {
    parts.push(
      sql`${sql.raw(alias)}.occurred_at > ${asOf}::timestamptz - make_interval(days => ${rule.decayDays}::int)`,
    );
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

function scopeFilter(options: ScoreQueryOptions): RawBuilder<boolean> {
  const { scope, workspaceId } = options;
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`true`;
    case 'contacts':
      return sql<boolean>`c.id = any(${scope.ids.map(String)}::bigint[])`;
    case 'touched':
      return sql<boolean>`c.id in (select t.contact_id from ${sql.table(scope.table)} t
        where t.workspace_id = ${workspaceId}::uuid and t.occurred_at between ${scope.from}::timestamptz and ${scope.to}::timestamptz)`;
  }
}

/**
 * Rows (contact_id, rule, matches, points): each rule that gives a contact of the scope
 * points as of `asOf`, with how many times it matched. Contacts created after `asOf` and
 * deleted contacts have none; events and activities after `asOf` do not count.
 */
export function ruleContributionsSql(options: ScoreQueryOptions): RawBuilder<{
  contact_id: number;
  rule: number;
  matches: number;
  points: number;
}> {
  return sql`with ${scopeCte(options)} ${contributionsBody(options)}`;
}

/** The contributions over the CTE `scope` (the contacts of the scope, as of the instant). */
function contributionsBody(options: ScoreQueryOptions): RawBuilder<unknown> {
  const { workspaceId, rules, asOf } = options;
  const indexed = rules.map((rule, index) => ({ rule, index }));
  const attributes = indexed.filter(
    (r): r is { rule: AttributeRule; index: number } => r.rule.kind === 'attribute',
  );
  const engagement = indexed.filter(
    (r): r is { rule: EventRule; index: number } =>
      r.rule.kind === 'event' && isEngagementEvent(r.rule.event),
  );
  const activities = indexed.filter(
    (r): r is { rule: EventRule; index: number } =>
      r.rule.kind === 'event' && !isEngagementEvent(r.rule.event),
  );
  const parts: RawBuilder<unknown>[] = [];
  if (attributes.length > 0) {
    const rows = attributes.map(
      ({ rule, index }) => sql`(${index}::int, ${attributeHolds(rule)}, ${rule.points}::float8)`,
    );
    parts.push(sql`select s.id as contact_id, r.rule, 1 as matches, r.points
      from scope s cross join lateral (values ${sql.join(rows)}) as r(rule, holds, points)
      where r.holds`);
  }
  if (engagement.length > 0) {
    const counts = engagement.map(
      ({ rule, index }) =>
        sql`count(*) filter (where ${eventMatches(rule, 'e', asOf)}) as ${sql.ref(`r${index}`)}`,
    );
    const types = [...new Set(engagement.map((r) => r.rule.event))];
    const rows = engagement.map(
      ({ rule, index }) =>
        sql`(${index}::int, ev.${sql.ref(`r${index}`)}, ${pointsOf(rule, sql`ev.${sql.ref(`r${index}`)}`)})`,
    );
    parts.push(sql`select ev.contact_id, x.rule, x.matches, x.points
      from (
        select e.contact_id, ${sql.join(counts)}
        from (
          select distinct e.contact_id, e.type, e.occurred_at, e.properties
          from engagement_events e join contacts c on ${contactsOfScope(options, sql`e.contact_id`)}
          where e.workspace_id = ${workspaceId}::uuid and e.occurred_at <= ${asOf}::timestamptz
            and e.type = any(${types}::text[])
        ) e
        group by e.contact_id
      ) ev cross join lateral (values ${sql.join(rows)}) as x(rule, matches, points)
      where x.matches > 0`);
  }
  if (activities.length > 0) {
    const counts = activities.map(
      ({ rule, index }) =>
        sql`count(*) filter (where ${eventMatches(rule, 'a', asOf)}) as ${sql.ref(`r${index}`)}`,
    );
    const rows = activities.map(
      ({ rule, index }) =>
        sql`(${index}::int, ac.${sql.ref(`r${index}`)}, ${pointsOf(rule, sql`ac.${sql.ref(`r${index}`)}`)})`,
    );
    parts.push(sql`select ac.contact_id, x.rule, x.matches, x.points
      from (
        select a.contact_id, ${sql.join(counts)}
        from activities a join contacts c on ${contactsOfScope(options, sql`a.contact_id`)}
        where a.workspace_id = ${workspaceId}::uuid and a.occurred_at <= ${asOf}::timestamptz
          and a.excluded_reason is null and a.deleted_at is null
        group by a.contact_id
      ) ac cross join lateral (values ${sql.join(rows)}) as x(rule, matches, points)
      where x.matches > 0`);
  }
  return parts.length > 0
    ? sql.join(parts, sql` union all `)
    : sql`select null::bigint as contact_id, null::int as rule, 0 as matches, 0::float8 as points where false`;
}

/** The join condition of contacts `c` of the scope (joined directly, not through the CTE: its row estimate would plan a nested loop over it). */
function contactsOfScope(
  options: ScoreQueryOptions,
  contactId: RawBuilder<unknown>,
): RawBuilder<boolean> {
  return sql<boolean>`c.workspace_id = ${options.workspaceId}::uuid and c.id = ${contactId}
    and c.deleted_at is null and c.created_at <= ${options.asOf}::timestamptz and ${scopeFilter(options)}`;
}

function scopeCte(options: ScoreQueryOptions): RawBuilder<unknown> {
  return sql`scope as materialized (
    select c.id, c.segment, c.source, c.lifecycle_stage, c.account, c.properties
    from contacts c
    where c.workspace_id = ${options.workspaceId}::uuid and c.deleted_at is null
      and c.created_at <= ${options.asOf}::timestamptz and ${scopeFilter(options)}
  )`;
}

/** Rows (contact_id, score): every contact of the scope, 0 when no rule gives it points. */
export function contactScoresSql(options: ScoreQueryOptions): RawBuilder<{
  contact_id: number;
  score: number;
}> {
  // Summed per contact before the join, and materialized: the planner must not re-run the
  // grouped passes once per contact of a nested loop.
  return sql`with ${scopeCte(options)},
    contributions as materialized (
      select k.contact_id, sum(k.points) as score from (${contributionsBody(options)}) k
      group by k.contact_id
    )
    select s.id as contact_id, coalesce(k.score, 0)::float8 as score
    from scope s left join contributions k on k.contact_id = s.id`;
}

/** The band of `score` (SQL) by the model's bands: the last whose lowest score it reaches. */
export function bandSql(
  bands: readonly ScoreBand[],
  score: RawBuilder<unknown>,
): RawBuilder<string> {
  const [first, ...rest] = bands;
  if (!first) return sql<string>`''`;
  const whens = [...rest]
    .reverse()
    .map((band) => sql`when ${score} >= ${band.min}::float8 then ${band.label}::text`);
  if (whens.length === 0) return sql<string>`${first.label}::text`;
  return sql<string>`(case ${sql.join(whens, sql` `)} else ${first.label}::text end)`;
}
