/** The "?" popover: every keyboard shortcut of the editor. */
import { X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div
      className="help"
      role="dialog"
      aria-labelledby="help-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="chooser__head">
        <h2 className="chooser__title" id="help-title">
          Keyboard shortcuts
        </h2>
        <button
          ref={closeRef}
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label="Close keyboard shortcuts"
        >
          <X aria-hidden size={14} />
        </button>
      </div>
      <dl className="help__list">
        {SHORTCUTS.map((shortcut) => (
          <div className="help__row" key={shortcut.action}>
            <dt>
              {shortcut.keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{shortcut.action}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
