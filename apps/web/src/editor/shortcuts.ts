/** The editor's keyboard shortcuts, listed once: the help popover reads this list. */

const isMac =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The modifier key as this platform writes it. */
export const MOD = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; action: string }> = [
  { keys: ['A'], action: 'Add a metric from the catalog' },
  { keys: ['Drag', 'handle → node'], action: 'Link a child under a parent' },
  { keys: ['Delete'], action: 'Delete the selected node or link (also Backspace)' },
  { keys: [MOD, 'Z'], action: 'Undo' },
  { keys: ['Shift', MOD, 'Z'], action: `Redo (also ${MOD} Y)` },
  { keys: ['L'], action: 'Tidy the layout' },
  { keys: [MOD, 'S'], action: 'Save the tree' },
  { keys: ['Esc'], action: 'Close a menu, clear the selection' },
  { keys: ['?'], action: 'Show these shortcuts' },
];

/** True when typing goes to a text field, where letters and Backspace are the field's own. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

export type ShortcutAction =
  | 'add'
  | 'delete'
  | 'undo'
  | 'redo'
  | 'layout'
  | 'save'
  | 'help'
  | 'escape';

/**
 * Which editor action a key press asks for, or null.
 *
 * @example shortcutFor({ key: 'z', ctrlKey: true, shiftKey: true, metaKey: false, altKey: false }, false) // 'redo'
 */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  typing: boolean,
): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 's') return 'save';
  if (event.key === 'Escape') return 'escape';
  if (typing || event.altKey) return null;
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod) return null;
  if (event.key === 'Delete' || event.key === 'Backspace') return 'delete';
  if (event.key === '?') return 'help';
  if (key === 'a' && !event.shiftKey) return 'add';
  if (key === 'l' && !event.shiftKey) return 'layout';
  return null;
}
