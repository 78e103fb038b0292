// A tree template: nodes, edges and positions as data, instantiated into a workspace by the db layer.

import type { DimensionFilter } from '../../metrics/metric-definition';
import type { BenchmarkMotionKey } from '../benchmark-motions';
import type { EdgeRelation, NodeBand } from '../tree-draft';

export interface TreeTemplateNode {
  /** Local reference used by the template's edges (and by seeds assigning owners). */
  ref: string;
  metricKey: string;
  label: string;
  filter?: DimensionFilter;
  position: { x: number; y: number };
  band?: NodeBand;
}

export interface TreeTemplateEdge {
  parent: string;
  child: string;
  relation: EdgeRelation;
  role?: 'numerator' | 'denominator';
  exponent?: 1 | -1;
}

export interface TreeTemplate {
  key: string;
  name: string;
  description: string;
  /** The benchmark motion a tree made from the template starts with, if any. */
  motion?: BenchmarkMotionKey;
  nodes: TreeTemplateNode[];
  edges: TreeTemplateEdge[];
}
