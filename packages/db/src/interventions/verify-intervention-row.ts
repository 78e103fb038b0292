/**
 * Judges one stored intervention on one node (its target or an outcome node): the weekly
 * series from the metric engine, the analysis in core, and the sentence people read.
 */
import {
  type ComparisonScope,
  describeScope,
  describeVerdict,
  type InterventionVerdict,
  type TreatedScope,
  verifyIntervention,
} from '@treeline/core';
import type { Kysely } from 'kysely';
import type { Database, Workspace } from '../schema/database';
import type { InterventionRow } from './intervention.repository';
import type { InterventionNode } from './intervention-nodes';
import { type InterventionSeries, interventionSeries } from './intervention-series';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Sep" for 2026-09-14. */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}`;
}

/** How a value in the node's unit reads in a sentence. */
export function formatInUnit(unit: string): (value: number) => string {
  if (unit === 'percent') return (v) => `${(v * 100).toFixed(1)} points`;
  if (unit === 'hours') return (v) => `${v.toFixed(1)} h`;
  return (v) => (Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
}

export interface NodeJudgement {
  result: InterventionVerdict;
  summary: string;
  series: InterventionSeries;
}

function scopes(row: InterventionRow) {
  return {
    treated: row.treated_scope as TreatedScope,
    comparison: (row.comparison_scope as ComparisonScope | null) ?? null,
  };
}

export function scopeLabels(row: InterventionRow) {
  const { treated, comparison } = scopes(row);
  return {
    treatedLabel: describeScope(treated),
    comparisonLabel: comparison ? describeScope(comparison) : null,
  };
}

/**
 * @example const { result, summary } = await judgeInterventionNode(db, ws, row, node);
 */
export async function judgeInterventionNode(
  db: Kysely<Database>,
  workspace: Pick<
    Workspace,
    'id' | 'time_zone' | 'week_start' | 'fiscal_year_start_month' | 'counting_policy'
  >,
  row: InterventionRow,
  node: InterventionNode,
  now = new Date(),
): Promise<NodeJudgement> {
  const { treated, comparison } = scopes(row);
  const series = await interventionSeries(
    db,
    workspace,
    {
      metricKey: node.metricKey,
      nodeFilter: node.filter,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      treatedScope: treated,
      comparisonScope: comparison,
    },
    now,
  );
  const isTarget = node.id === row.target_node_id;
  const result = verifyIntervention({
    startIndex: series.startIndex,
    treated: series.treated,
    comparison: series.comparison,
    // Outcome nodes are expected to move the same way as the target.
    direction: row.expected_direction,
    // An outcome node has no MDE of its own, so it is never declared equivalent to zero:
    // only its 95% interval decides.
    mde: isTarget ? row.mde : Number.MIN_VALUE,
    outcome: node.unit === 'percent' && series.treated.numerators ? 'proportion' : 'mean',
  });
  const labels = scopeLabels(row);
  const summary = describeVerdict(result, {
    nodeName: node.label,
    treatedName: labels.treatedLabel,
    comparisonName: labels.comparisonLabel,
    startLabel: dayLabel(row.starts_on),
    mde: row.mde,
    format: formatInUnit(node.unit),
  });
  return { result, summary, series };
}
