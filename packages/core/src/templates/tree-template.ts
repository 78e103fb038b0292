// A tree template: nodes, edges and positions as data, instantiated into a workspace by the db layer.

import type { DimensionFilter } from '../metric-definition';
import type { EdgeRelation } from '../tree-view';

export interface TreeTemplateNode {
  /** Local reference used by the template's edges. */
  ref: string;
  metricKey: string;
  label: string;
  filter?: DimensionFilter;
  position: { x: number; y: number };
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
  nodes: TreeTemplateNode[];
  edges: TreeTemplateEdge[];
}
