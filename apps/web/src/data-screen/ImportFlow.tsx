/**
 * Importing a CSV file in four steps: pick what the file holds and the file (uploaded raw, with
 * progress), choose or build the column mapping with a live preview of the first rows, "Check"
 * (a dry run: counts and row errors, nothing written), then "Import" (all or nothing). A
 * refused import shows its row errors and the report; a mapping can be saved under a name.
 */

import { IMPORT_ENTITIES, type ImportEntity } from '@treeline/core';
import { FileText, RotateCcw } from 'lucide-react';
import { useId } from 'react';
import { ENTITY_LABELS, formatBytes } from './data-format';
import { FilePicker, UploadProgress } from './FilePicker';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportPreviewStep } from './ImportPreviewStep';
import { ImportRunStep } from './ImportRunStep';
import { ProblemCallout } from './ProblemCallout';
import { useImportFlow } from './use-import-flow';

export function ImportFlow({
  workspaceTimeZone,
  onImported,
}: {
  workspaceTimeZone: string;
  onImported: () => void;
}) {
  const id = useId();
  const flow = useImportFlow(workspaceTimeZone, onImported);
  const {
    step,
    upload,
    draft,
    entity,
    committed,
    announcement,
    uploadProblem,
    reset,
    startUpload,
    chooseEntity,
  } = flow;
  const entityOptions = IMPORT_ENTITIES.map((value) => (
    <option key={value} value={value}>
      {ENTITY_LABELS[value]}
    </option>
  ));

  return (
    <section className="data-card import-flow" aria-labelledby={`${id}-title`}>
      <div className="data-card__head">
        <h2 className="data-card__title" id={`${id}-title`}>
          Import a CSV file
        </h2>
        {step.kind !== 'choose' ? (
          <button type="button" className="button button--small" onClick={reset}>
            <RotateCcw aria-hidden size={13} />
            {committed ? 'Import another file' : 'Start over'}
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      <div className="import-flow__row">
        <div className="field import-flow__entity">
          <label className="field__label" htmlFor={`${id}-entity`}>
            The file holds
          </label>
          <select
            id={`${id}-entity`}
            className="input"
            value={entity}
            disabled={step.kind === 'uploading' || committed}
            onChange={(event) => chooseEntity(event.target.value as ImportEntity)}
          >
            {entityOptions}
          </select>
        </div>
        {upload ? (
          <p className="import-flow__file">
            <FileText aria-hidden size={14} />
            <strong>{upload.fileName ?? 'Uploaded file'}</strong>
            <span className="is-muted">
              {formatBytes(upload.bytes)} · {upload.header.length} columns · delimiter{' '}
              <code>{upload.delimiter === '\t' ? 'tab' : upload.delimiter}</code>
            </span>
          </p>
        ) : null}
      </div>

      {step.kind === 'choose' ? (
        <>
          <p className="field__hint import-flow__order">
            Import reps first, then contacts, then activities and deals: activities and deals name
            their contact and rep by external id.
          </p>
          <FilePicker onFile={startUpload} disabled={false} />
        </>
      ) : null}
      {step.kind === 'uploading' ? (
        <UploadProgress fileName={step.fileName} sent={step.sent} total={step.total} />
      ) : null}
      {uploadProblem ? <ProblemCallout problem={uploadProblem} /> : null}

      {upload && draft ? (
        <>
          <ImportMappingStep
            flow={flow}
            upload={upload}
            draft={draft}
            workspaceTimeZone={workspaceTimeZone}
          />
          <ImportPreviewStep flow={flow} draft={draft} />
          <ImportRunStep flow={flow} />
        </>
      ) : null}
    </section>
  );
}
