/**
 * The shape of a tree as the canvas shows it: nodes with their live values for one
 * period, edges with the child's contribution to the parent's change. Shared by the
 * API (which produces it) and the web app (which renders it).
 */

import type { CompareMode } from '../periods/comparison-period';
import type { BandStatus } from './benchmark-motions';

export type MetricUnit = 'count' | 'ratio' | 'percent' | 'hours' | 'duration';
export type MetricDirection = 'higher_is_better' | 'lower_is_better' | 'within_band';
export type MetricKind = 'input' | 'output';
export type EdgeRelation = 'sum' | 'product' | 'ratio' | 'segments' | 'formula' | 'driver';
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A half-open window [start, end) cut in the workspace time zone; instants are ISO strings (UTC). */
export interface PeriodView {
  grain: Grain;
  start: string;
  end: string;
  /** Human label in the workspace's terms, e.g. "Oct 2026" or "W41 2026". */
  label: string;
  /** True for the current, unfinished period. */
  toDate: boolean;
}

export interface PersonRef {
  id: string;
  name: string;
  initials: string;
}

export interface SeriesPoint {
  periodStart: string;
  label: string;
  /** null means "no data" (e.g. a ratio whose denominator is 0), never 0. */
  value: number | null;
}

export interface NodeView {
  id: string;
  label: string;
  metricKey: string;
  metricName: string;
  unit: MetricUnit;
  direction: MetricDirection;
  kind: MetricKind;
  filter: Record<string, string>;
  position: { x: number; y: number };
  value: number | null;
  /** The value in the comparison period (TreeView.previousPeriod). */
  previousValue: number | null;
  numerator: number | null;
  denominator: number | null;
  /**
   * Current minus comparison value, and that change in percent of the comparison value
   * (12.5 means +12.5 %; null when the previous value is 0). null when either is "no data".
   */
  change: { absolute: number; percent: number | null } | null;
  series: SeriesPoint[];
  accountable: PersonRef | null;
  responsibleCount: number;
  /** Why this node could not be evaluated (the rest of the tree still is), else null. */
  error: { code: string; message: string } | null;
  /** The node's target or benchmark band and where its value sits; absent or null without one. */
  band?: NodeBandView | null;
}

/**
 * A band and the value judged against it: a target band judges the period's value; a
 * benchmark band judges touches per contact over the tree's outbound window (never a
 * weekly value), whatever the grain on screen.
 */
export interface NodeBandView {
  kind: 'target' | 'benchmark';
  min: number | null;
  max: number | null;
  /** The benchmark motion's name, e.g. "Mid-market outbound"; null for a target. */
  motion: string | null;
  value: number | null;
  /** The outbound window a benchmark is compared over; null for a target. */
  window: { start: string; end: string; days: number } | null;
  /** null when the value is "no data". */
  status: BandStatus | null;
}

export interface EdgeView {
  id: string;
  /** The parent node id (React Flow source). */
  source: string;
  /** The child node id (React Flow target). */
  target: string;
  relation: EdgeRelation;
  /** For a ratio edge, which side of the parent the child is; null otherwise. */
  role: 'numerator' | 'denominator' | null;
  /** For a product edge, the child's power in the parent (1 multiplies, −1 divides); else 1. */
  exponent: 1 | -1;
  /** The child's contribution to the parent's change between the comparison and the focus period. */
  contribution: number | null;
}

export interface TreeView {
  tree: {
    id: string;
    name: string;
    description: string;
    version: number;
    templateKey: string | null;
  };
  workspace: { id: string; name: string; timeZone: string };
  /** The period the values are for (the focus period). */
  period: PeriodView;
  /**
   * The period the changes and contributions are measured against: the one before
   * `period`, or the same period a year earlier when `compare` is 'year'.
   */
  previousPeriod: PeriodView;
  /** How `previousPeriod` was chosen. */
  compare: CompareMode;
  /** The last complete period at this grain: the latest `period` the view can show. */
  latestPeriod: PeriodView;
  /** The tree-wide filter the values were evaluated under, when one was given. */
  filter?: Record<string, string>;
  nodes: NodeView[];
  edges: EdgeView[];
  /**
   * Where a node's children do not give back its value (a sum's children not adding up, a
   * segments split not covering every row), the gap shown as "other".
   */
  residuals: Array<{
    nodeId: string;
    value: number;
    /** Which of the node's decompositions leaves the gap (a node may have several). */
    relation?: EdgeRelation;
  }>;
}

export interface TreeSummary {
  id: string;
  name: string;
  description: string;
  templateKey: string | null;
  nodeCount: number;
  updatedAt: string;
}
