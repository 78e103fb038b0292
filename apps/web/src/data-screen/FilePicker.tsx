/**
 * Choosing the CSV file: a drop zone that is also a labelled file input (so the keyboard and
 * screen readers get the native control), and the upload's progress once a file is picked.
 */
import { FileUp } from 'lucide-react';
import { type DragEvent, useId, useState } from 'react';
import { formatBytes } from './data-format';

export function FilePicker({
  onFile,
  disabled,
}: {
  onFile: (file: File) => void;
  disabled: boolean;
}) {
  const inputId = useId();
  const [over, setOver] = useState(false);

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer shortcut; the file input inside is the keyboard path
    <div
      className={`drop-zone${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="csv-drop-zone"
    >
      <FileUp aria-hidden size={20} className="drop-zone__icon" />
      <label htmlFor={inputId} className="drop-zone__title">
        Drop a CSV file here, or choose one
      </label>
      <span className="drop-zone__hint" id={`${inputId}-hint`}>
        An export from HubSpot, Salesforce or any CRM: UTF-8, comma, semicolon or tab separated.
      </span>
      <input
        id={inputId}
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        className="drop-zone__input"
        aria-describedby={`${inputId}-hint`}
        disabled={disabled}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          // The same file can be picked again after a failed upload.
          event.target.value = '';
        }}
      />
    </div>
  );
}

/** The upload's progress as a bar and in words. */
export function UploadProgress({
  fileName,
  sent,
  total,
}: {
  fileName: string;
  sent: number;
  total: number;
}) {
  const percent = total > 0 ? Math.min(100, Math.round((sent / total) * 100)) : 0;
  return (
    <div className="upload-progress">
      <div className="upload-progress__text">
        Uploading <strong>{fileName}</strong> · {formatBytes(sent)} of {formatBytes(total)}
      </div>
      <progress
        className="upload-progress__bar"
        max={100}
        value={percent}
        aria-label={`Uploading ${fileName}`}
      />
    </div>
  );
}
