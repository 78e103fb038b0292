/** The canvas's edge components, at module scope so React Flow never sees a new object. */
import type { EdgeTypes } from '@xyflow/react';
import { RelationEdge } from './edges/RelationEdge';

export const edgeTypes = { relation: RelationEdge } satisfies EdgeTypes;
