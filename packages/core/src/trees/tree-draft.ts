// A tree as an editor holds it and saves it whole: nodes, edges, bands and RACI, without values.

import type { AlertRuleOverrides } from '../contract/alert-rule';
import type { DimensionFilter } from '../metrics/metric-definition';
import type { BenchmarkMotionKey } from './benchmark-motions';

/** How a parent node is explained by its children. */
export const EDGE_RELATIONS = ['sum', 'product', 'ratio', 'segments', 'formula', 'driver'] as const;
export type EdgeRelation = (typeof EDGE_RELATIONS)[number];

/**
 * RACI owners of a node, as person ids. A node needs exactly one Accountable; `accountable`
 * is a list so that a draft with none or with two can be held, and told what is wrong.
 */
export interface NodeRaci {
  accountable: string[];
  responsible: string[];
  consulted: string[];
  informed: string[];
}

/**
 * What a node's value is judged against: a target band of the node's own metric (either end
 * may be open), or the benchmark band of the tree's motion (touches per contact over the
 * tree's outbound window; see BENCHMARK_MOTIONS).
 */
export type NodeBand =
  | { kind: 'target'; min: number | null; max: number | null }
  | { kind: 'benchmark' };

export interface TreeDraftNode {
  id: string;
  metricKey: string;
  label: string;
  /** Node-level filter, e.g. { channel: 'call' }. */
  filter: DimensionFilter;
  position: { x: number; y: number };
  band: NodeBand | null;
  raci: NodeRaci;
  /** What the node's movement detection overrides of the defaults; absent or null: none. */
  alertRule?: AlertRuleOverrides | null;
}

export interface TreeDraftEdge {
  id: string;
  /** Parent node id: the node the child explains. */
  parent: string;
  /** Child node id. */
  child: string;
  relation: EdgeRelation;
  /** For `ratio` edges: which side of the parent's division the child is; else null. */
  role: 'numerator' | 'denominator' | null;
  /** For `product` edges: the child's power in the product (−1 divides); else 1. */
  exponent: 1 | -1;
}

/** A whole tree as it is read and saved (the version travels beside it). */
export interface TreeDraft {
  name: string;
  description: string;
  /** The outbound motion whose benchmark band `benchmark` nodes use, or null. */
  motion: BenchmarkMotionKey | null;
  /** Days of the outbound window touches per contact are compared over (default 30). */
  outboundWindowDays: number;
  nodes: TreeDraftNode[];
  edges: TreeDraftEdge[];
}

/** The default outbound window (docs/product.md §2). */
export const DEFAULT_OUTBOUND_WINDOW_DAYS = 30;

/** An empty RACI assignment. */
export function emptyRaci(): NodeRaci {
  return { accountable: [], responsible: [], consulted: [], informed: [] };
}
