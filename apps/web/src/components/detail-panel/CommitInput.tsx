/** A text field that edits on blur or Enter, so one rename is one undoable edit. */
import { useState } from 'react';
import { usePermission } from '../../session/workspace-scope';

/** A text field that edits on blur or Enter, so one rename is one undoable edit. */
export function CommitInput({
  id,
  label,
  value,
  onCommit,
  className,
  placeholder,
  multiline = false,
}: {
  id: string;
  label?: string;
  value: string;
  onCommit: (value: string) => void;
  className: string;
  placeholder?: string;
  multiline?: boolean;
}) {
  const [text, setText] = useState(value);
  // A viewer reads the text; it is not theirs to change.
  const edit = usePermission('editor');
  const commit = () => {
    if (text !== value && (multiline || text.trim() !== ''))
      onCommit(multiline ? text : text.trim());
    else if (text.trim() === '') setText(value);
  };
  const common = {
    id,
    className,
    value: text,
    placeholder,
    'aria-label': label,
    onBlur: commit,
    readOnly: !edit.allowed,
    title: edit.reason || undefined,
  };
  return multiline ? (
    <textarea {...common} rows={2} onChange={(event) => setText(event.target.value)} />
  ) : (
    <input
      {...common}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setText(value);
      }}
      maxLength={200}
    />
  );
}
