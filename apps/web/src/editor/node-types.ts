/** The canvas's node components, at module scope so React Flow never sees a new object. */
import type { NodeTypes } from '@xyflow/react';
import { MetricNode } from './nodes/MetricNode';

export const nodeTypes = { metric: MetricNode } satisfies NodeTypes;
