/** Where a new node card goes: the wanted spot, or the nearest one no card already covers. */
import type { TreeDraft } from '@treeline/core';

/** @example freeSpot(draft, { x: 0, y: 180 }) // { x: 40, y: 220 } when a card sits at 0,180 */
export function freeSpot(
  draft: TreeDraft,
  wanted: { x: number; y: number },
): { x: number; y: number } {
  let at = { x: Math.round(wanted.x), y: Math.round(wanted.y) };
  const covered = (p: { x: number; y: number }) =>
    draft.nodes.some((n) => Math.abs(n.position.x - p.x) < 60 && Math.abs(n.position.y - p.y) < 40);
  for (let i = 0; i < 50 && covered(at); i++) at = { x: at.x + 40, y: at.y + 40 };
  return at;
}
