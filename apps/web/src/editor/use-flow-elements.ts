/**
 * The React Flow nodes and edges of the open tree: the draft joined to the values on
 * screen, the catalog, the people and the last save's issues (draft-to-flow.ts), with the
 * editor's selection, measured sizes and drags laid over them. Node objects are kept
 * across renders while nothing about them changed, so cards re-render only when theirs did.
 */
import { useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCatalog } from '../server-data/use-catalog';
import { usePeopleById } from '../server-data/use-people';
import { draftToFlow, type FlowContext } from './draft-to-flow';
import { useShownTreeView } from './ShownTreeView';
import { useTreeEditor } from './TreeEditorProvider';
import type { TreeFlowEdge, TreeFlowNode } from './tree-editor-state';

interface Derived {
  context: FlowContext;
  nodes: TreeFlowNode[];
  edges: TreeFlowEdge[];
}

const sameContext = (a: FlowContext, b: FlowContext) =>
  a.view === b.view &&
  a.catalog === b.catalog &&
  a.people === b.people &&
  a.issues === b.issues &&
  a.direction === b.direction;

/** @example const { nodes, edges } = useFlowElements(); <ReactFlow nodes={nodes} edges={edges} … /> */
export function useFlowElements(): { nodes: TreeFlowNode[]; edges: TreeFlowEdge[] } {
  const { draft, issues, direction, selection, measured, dragging } = useTreeEditor(
    useShallow((state) => ({
      draft: state.draft,
      issues: state.issues,
      direction: state.direction,
      selection: state.selection,
      measured: state.measured,
      dragging: state.dragging,
    })),
  );
  const view = useShownTreeView();
  const catalog = useCatalog();
  const people = usePeopleById();

  const last = useRef<Derived | null>(null);
  const base = useMemo(() => {
    const context: FlowContext = { view, catalog, people, issues, direction };
    if (!draft) return { context, nodes: [], edges: [] };
    const previous = last.current;
    // Only the draft moved: cards whose draft node is unchanged keep their objects.
    const reuse = previous !== null && sameContext(previous.context, context);
    const flow = draftToFlow(draft, context, {
      nodes: previous?.nodes ?? [],
      edges: previous?.edges ?? [],
      reuse,
    });
    const derived = { context, ...flow };
    last.current = derived;
    return derived;
  }, [draft, view, catalog, people, issues, direction]);

  const overlaid = useRef(new Map<string, { base: TreeFlowNode; shown: TreeFlowNode }>());
  const nodes = useMemo(() => {
    const before = overlaid.current;
    const after = new Map<string, { base: TreeFlowNode; shown: TreeFlowNode }>();
    const shown = base.nodes.map((node) => {
      const selected = selection.nodeIds.includes(node.id);
      const size = measured[node.id];
      const at = dragging[node.id];
      const kept = before.get(node.id);
      const reusable =
        kept &&
        kept.base === node &&
        Boolean(kept.shown.selected) === selected &&
        kept.shown.measured === size &&
        (at ? kept.shown.position === at : !kept.shown.dragging);
      const next: TreeFlowNode = reusable
        ? kept.shown
        : {
            ...node,
            selected,
            ...(size ? { measured: size } : {}),
            ...(at ? { position: at, dragging: true } : {}),
          };
      after.set(node.id, { base: node, shown: next });
      return next;
    });
    overlaid.current = after;
    return shown;
  }, [base, selection.nodeIds, measured, dragging]);

  const edges = useMemo(
    () =>
      base.edges.map((edge) => {
        const selected = selection.edgeIds.includes(edge.id);
        return Boolean(edge.selected) === selected ? edge : { ...edge, selected };
      }),
    [base, selection.edgeIds],
  );
  return { nodes, edges };
}
