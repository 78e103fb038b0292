/**
 * The React Flow canvas for one loaded tree: nodes where the server placed them,
 * fitted to the viewport on load. Selection flows through the editor store.
 */
import { Background, BackgroundVariant, Controls, ReactFlow } from '@xyflow/react';
import { edgeTypes } from './edge-types';
import { nodeTypes } from './node-types';
import { useCanvasElements } from './store';

const FIT_VIEW_OPTIONS = { padding: 0.16, maxZoom: 1.1 };
const DEFAULT_EDGE_OPTIONS = { type: 'relation' as const };

export function TreeCanvas() {
  const { nodes, edges, onNodesChange, onEdgesChange } = useCanvasElements();
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.2}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      colorMode="light"
      aria-label="Metric tree canvas"
    >
      <Background variant={BackgroundVariant.Dots} gap={16} size={1} color="var(--canvas-dot)" />
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}
