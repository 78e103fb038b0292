/** The editor's status line; an info notice goes by itself after a few seconds. */
import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useTreeEditor } from './TreeEditorProvider';

/** The last thing the editor has to say: a refused link, a saved version, a failed save. */
export function EditorNotice() {
  const notice = useTreeEditor((state) => state.notice);
  const setNotice = useTreeEditor((state) => state.setNotice);
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  return (
    <div className="notice-slot" aria-live="polite">
      {notice ? (
        <div
          className={`notice notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="editor-notice"
        >
          <span>{notice.text}</span>
          <button
            type="button"
            className="icon-button icon-button--small"
            onClick={() => setNotice(null)}
            aria-label="Dismiss"
          >
            <X aria-hidden size={13} />
          </button>
        </div>
      ) : null}
    </div>
  );
}
