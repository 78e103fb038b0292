/**
 * The undo history of a tree draft: the drafts before the current one (newest last) and
 * those undone (next first). Plain values, so the editor store keeps it beside the draft
 * and a save can rewrite the ids in it (see decision 0035 for why it is not a library).
 */
import type { TreeDraft } from '@treeline/core';

/** How many edits undo reaches back. */
export const HISTORY_LIMIT = 100;

export interface DraftHistory {
  readonly past: readonly TreeDraft[];
  readonly future: readonly TreeDraft[];
}

export const EMPTY_HISTORY: DraftHistory = { past: [], future: [] };

/**
 * An edit from `current`: it goes on the past (the oldest falls off past the limit), and
 * what was undone can no longer be redone.
 *
 * @example const history = recordEdit(EMPTY_HISTORY, draft); // history.past = [draft]
 */
export function recordEdit(history: DraftHistory, current: TreeDraft): DraftHistory {
  return { past: [...history.past, current].slice(-HISTORY_LIMIT), future: [] };
}

/**
 * One step back from `current`, or null with nothing to undo.
 *
 * @example const step = undoEdit(history, draft); if (step) setDraft(step.draft);
 */
export function undoEdit(
  history: DraftHistory,
  current: TreeDraft,
): { draft: TreeDraft; history: DraftHistory } | null {
  const previous = history.past.at(-1);
  if (!previous) return null;
  return {
    draft: previous,
    history: { past: history.past.slice(0, -1), future: [current, ...history.future] },
  };
}

/**
 * One step forward again from `current`, or null with nothing undone.
 *
 * @example const step = redoEdit(history, draft);
 */
export function redoEdit(
  history: DraftHistory,
  current: TreeDraft,
): { draft: TreeDraft; history: DraftHistory } | null {
  const next = history.future[0];
  if (!next) return null;
  return {
    draft: next,
    history: { past: [...history.past, current], future: history.future.slice(1) },
  };
}

/**
 * Every draft in the history rewritten by `change` (a save gives new nodes real ids).
 *
 * @example mapHistory(history, (draft) => remapDraftIds(draft, ids));
 */
export function mapHistory(
  history: DraftHistory,
  change: (draft: TreeDraft) => TreeDraft,
): DraftHistory {
  return { past: history.past.map(change), future: history.future.map(change) };
}
