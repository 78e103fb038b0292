/**
 * A tree whole with its metrics, as evaluation needs it: nodes with their metric, filter
 * and band, edges with their relation, and the RACI assignments. The db package loads it
 * (loadTree); core turns it and each node's series into the canvas view (assembleTreeView).
 */
import type { AlertRuleOverrides } from '../contract/alert-rule';
import type {
  MetricDefinition,
  MetricDirection,
  MetricKind,
  MetricUnit,
} from '../metrics/metric-definition';
import type { EdgeRelation, NodeBand, NodeRaci } from './tree-draft';

export interface LoadedNode {
  id: string;
  label: string;
  filter: Record<string, string>;
  position: { x: number; y: number };
  band: NodeBand | null;
  /** The node's overrides of the detection defaults (null: none). */
  alertRule: AlertRuleOverrides | null;
  metric: {
    id: string;
    key: string;
    name: string;
    unit: MetricUnit;
    direction: MetricDirection;
    kind: MetricKind;
    definition: MetricDefinition;
  };
}

export interface LoadedEdge {
  id: string;
  parentNodeId: string;
  childNodeId: string;
  relation: EdgeRelation;
  role: 'numerator' | 'denominator' | null;
  exponent: number;
}

export interface LoadedTree {
  id: string;
  name: string;
  description: string;
  version: number;
  templateKey: string | null;
  motion: string | null;
  outboundWindowDays: number;
  nodes: LoadedNode[];
  edges: LoadedEdge[];
  assignments: Array<{
    nodeId: string;
    personId: string;
    personName: string;
    role: keyof NodeRaci;
  }>;
  /** Metrics of the workspace by key, for resolving ratio and formula references. */
  metricsByKey: Map<string, LoadedNode['metric']>;
}
