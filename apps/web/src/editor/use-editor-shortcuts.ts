/**
 * The editor's keyboard shortcuts (SHORTCUTS in shortcuts.ts) on the whole window while a
 * tree is open: save, undo, redo, delete, add, tidy, help and Escape.
 */
import { useEffect, useRef } from 'react';
import { api } from '../lib/api';
import { saveEditedTree } from './save-tree';
import { isTypingTarget, shortcutFor } from './shortcuts';
import { useTreeEditorApi } from './TreeEditorProvider';

/** The editor's shortcuts (see SHORTCUTS), on the whole window while a tree is open. */
export function useEditorShortcuts(handlers: {
  /** A viewer's canvas: only help and Escape; nothing that edits or saves. */
  readOnly?: boolean;
  onAdd: () => void;
  onLayout: () => void;
  onHelp: () => void;
  onEscape: () => void;
}) {
  // The listener is added once; it reads the latest handlers through the ref.
  const latest = useRef(handlers);
  latest.current = handlers;
  const editor = useTreeEditorApi();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented) return;
      // A modal dialog (conflict, new tree) owns the keyboard while it is open.
      if (document.querySelector('dialog[open]')) return;
      const action = shortcutFor(event, isTypingTarget(event.target));
      if (!action) return;
      if (latest.current.readOnly && action !== 'help' && action !== 'escape') return;
      // Single keys act on the canvas, never on a checkbox in the detail panel or the rail.
      const elsewhere =
        event.target instanceof Element && event.target.closest('.panel, .rail') !== null;
      if (elsewhere && (action === 'delete' || action === 'add' || action === 'layout')) return;
      const store = editor.getState();
      if (action !== 'escape') event.preventDefault();
      switch (action) {
        case 'save':
          // A field being typed in commits on blur: it is part of what is saved.
          if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
          void saveEditedTree(editor, api);
          return;
        case 'undo':
          store.undo();
          return;
        case 'redo':
          store.redo();
          return;
        case 'delete':
          store.deleteElements();
          return;
        case 'add':
          latest.current.onAdd();
          return;
        case 'layout':
          latest.current.onLayout();
          return;
        case 'help':
          latest.current.onHelp();
          return;
        case 'escape':
          latest.current.onEscape();
          return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor]);
}
