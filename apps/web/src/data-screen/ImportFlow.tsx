/**
 * Importing a CSV file in four steps: pick what the file holds and the file (uploaded raw, with
 * progress), choose or build the column mapping with a live preview of the first rows, "Check"
 * (a dry run: counts and row errors, nothing written), then "Import" (all or nothing). A
 * refused import shows its row errors and the report; a mapping can be saved under a name.
 */

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ColumnMapping, IMPORT_ENTITIES, type ImportEntity } from '@treeline/core';
import { CircleAlert, FileText, RotateCcw, Save, Upload as UploadIcon } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type Problem, toProblem } from '../lib/api';
import { importCatalogQuery, importMappingsQuery } from '../server-data/queries';
import { queryKeys } from '../server-data/query-keys';
import { resourceOf } from '../server-data/resource';
import {
  dataApi,
  type ImportPresetInfo,
  type ImportResult,
  type SavedMapping,
  type Upload,
  uploadCsv,
} from './data-api';
import { ENTITY_LABELS, formatBytes, formatCount } from './data-format';
import { FilePicker, UploadProgress } from './FilePicker';
import { ImportOutcomeView } from './ImportOutcomeView';
import { MappingEditor } from './MappingEditor';
import { MappingPreviewTable } from './MappingPreviewTable';
import {
  draftFromMapping,
  editableFields,
  guessDraft,
  type MappingDraft,
  mappingFromDraft,
  takesProperties,
} from './mapping-draft';
import { placeMappingErrors } from './place-mapping-errors';
import { previewMapping } from './preview-rows';

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; sent: number; total: number }
  | { kind: 'mapping'; upload: Upload };

type Run =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: ImportResult; mappingKey: string }
  | { kind: 'error'; problem: Problem };

const CUSTOM = 'custom';

export function ImportFlow({
  workspaceTimeZone,
  onImported,
}: {
  workspaceTimeZone: string;
  onImported: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const catalog = resourceOf(useQuery(importCatalogQuery()));
  const saved: SavedMapping[] = useQuery(importMappingsQuery()).data ?? [];

  const [entity, setEntity] = useState<ImportEntity>('activities');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [uploadProblem, setUploadProblem] = useState<Problem | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [mappingSource, setMappingSource] = useState<string>(CUSTOM);
  const [check, setCheck] = useState<Run>({ kind: 'idle' });
  const [commit, setCommit] = useState<Run>({ kind: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const abortUpload = useRef<AbortController | null>(null);

  const presets: ImportPresetInfo[] = catalog.status === 'success' ? catalog.data.presets : [];
  const presetsRef = useRef(presets);
  presetsRef.current = presets;
  const upload = step.kind === 'mapping' ? step.upload : null;
  const mapping = useMemo(() => (draft ? mappingFromDraft(draft) : null), [draft]);
  const mappingKey = mapping ? JSON.stringify(mapping) : '';
  const preview = useMemo(
    () =>
      upload && mapping
        ? previewMapping(mapping, upload.header, upload.sampleRows, workspaceTimeZone)
        : null,
    [upload, mapping, workspaceTimeZone],
  );
  const placed = placeMappingErrors(preview && !preview.ok ? preview.errors : []);
  const committed = commit.kind === 'done' && commit.result.status === 'committed';
  const checkedCurrent = check.kind === 'done' && check.mappingKey === mappingKey;

  useEffect(() => () => abortUpload.current?.abort(), []);

  function reset() {
    abortUpload.current?.abort();
    setStep({ kind: 'choose' });
    setDraft(null);
    setMappingSource(CUSTOM);
    setCheck({ kind: 'idle' });
    setCommit({ kind: 'idle' });
    setUploadProblem(null);
  }

  async function startUpload(file: File) {
    setUploadProblem(null);
    setCheck({ kind: 'idle' });
    setCommit({ kind: 'idle' });
    setStep({ kind: 'uploading', fileName: file.name, sent: 0, total: file.size });
    setAnnouncement(`Uploading ${file.name}`);
    const controller = new AbortController();
    abortUpload.current = controller;
    try {
      const done = await uploadCsv(
        file,
        (sent, total) => setStep({ kind: 'uploading', fileName: file.name, sent, total }),
        controller.signal,
      );
      // The presets may still be loading when a quick upload lands: then ask for them here.
      const known =
        done.detectedPreset === null || presetsRef.current.length > 0
          ? presetsRef.current
          : await queryClient.fetchQuery(importCatalogQuery()).then(
              (loaded) => loaded.presets,
              () => [],
            );
      const detected = known.find((preset) => preset.key === done.detectedPreset) ?? null;
      if (detected) {
        setEntity(detected.entity);
        setDraft(draftFromMapping(detected.mapping));
        setMappingSource(`preset:${detected.key}`);
      } else {
        setDraft(guessDraft(entity, done.header));
        setMappingSource(CUSTOM);
      }
      setStep({ kind: 'mapping', upload: done });
      setAnnouncement(
        `Uploaded ${done.fileName ?? file.name}: ${done.header.length} columns.${detected ? ` Recognised as ${detected.label}.` : ' Map its columns below.'}`,
      );
    } catch (error) {
      if (controller.signal.aborted) return;
      setStep({ kind: 'choose' });
      setUploadProblem(toProblem(error));
    }
  }

  function chooseEntity(next: ImportEntity) {
    setEntity(next);
    setCheck({ kind: 'idle' });
    if (upload) {
      setDraft(guessDraft(next, upload.header));
      setMappingSource(CUSTOM);
    }
  }

  function chooseMapping(value: string) {
    if (!upload) return;
    setMappingSource(value);
    if (value === CUSTOM) {
      setDraft(guessDraft(entity, upload.header));
      return;
    }
    const [kind, key] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    const chosen =
      kind === 'preset'
        ? presets.find((preset) => preset.key === key)?.mapping
        : saved.find((mapping) => mapping.id === key)?.mapping;
    if (chosen) setDraft(draftFromMapping(chosen));
  }

  async function run(dryRun: boolean) {
    if (!upload || !mapping) return;
    const setRun = dryRun ? setCheck : setCommit;
    const key = mappingKey;
    setRun({ kind: 'running' });
    setAnnouncement(dryRun ? 'Checking the file…' : 'Importing…');
    try {
      const outcome = await dataApi.runImport(upload.uploadId, { mapping }, dryRun);
      setRun({ kind: 'done', result: outcome.result, mappingKey: key });
      const result = outcome.result;
      if (dryRun) {
        setAnnouncement(
          `Check finished: ${result.inserted} to insert, ${result.updated} to update, ${result.unchanged} unchanged, ${result.rejected} rejected.`,
        );
      } else if (outcome.kind === 'refused') {
        // The alert region announces the refusal itself.
        setAnnouncement('');
        onImported();
      } else {
        setAnnouncement(
          `Imported ${result.rowsRead} rows: ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged.`,
        );
        onImported();
      }
    } catch (error) {
      setRun({ kind: 'error', problem: toProblem(error) });
      setAnnouncement('');
    }
  }

  const entityOptions = IMPORT_ENTITIES.map((value) => (
    <option key={value} value={value}>
      {ENTITY_LABELS[value]}
    </option>
  ));
  const entityPresets = presets.filter((preset) => preset.entity === entity);
  const entitySaved = saved.filter((mapping) => mapping.entity === entity);
  const previewSpecs = draft
    ? editableFields(draft.entity).filter(
        (spec) => spec.required || (draft.fields[spec.name]?.source ?? 'none') !== 'none',
      )
    : [];

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
          <div className="import-flow__step">
            <h3 className="import-flow__step-title">Map the columns</h3>
            <div className="import-flow__row">
              <div className="field import-flow__mapping-choice">
                <label className="field__label" htmlFor={`${id}-mapping`}>
                  Mapping
                </label>
                <select
                  id={`${id}-mapping`}
                  className="input"
                  value={mappingSource}
                  disabled={committed}
                  onChange={(event) => chooseMapping(event.target.value)}
                >
                  <option value={CUSTOM}>Build my own from the file's columns</option>
                  {entityPresets.length > 0 ? (
                    <optgroup label="Presets">
                      {entityPresets.map((preset) => (
                        <option key={preset.key} value={`preset:${preset.key}`}>
                          {preset.label}
                          {preset.key === upload.detectedPreset ? ' (detected)' : ''}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  {entitySaved.length > 0 ? (
                    <optgroup label="Saved mappings">
                      {entitySaved.map((mapping) => (
                        <option key={mapping.id} value={`saved:${mapping.id}`}>
                          {mapping.name}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                </select>
              </div>
              <SaveMapping
                mapping={preview?.ok ? mapping : null}
                defaultName={(upload.fileName ?? '').replace(/\.[a-z]+$/i, '')}
                onSaved={(savedMapping) => {
                  queryClient.setQueryData(
                    queryKeys.importMappings(),
                    (current: SavedMapping[] | undefined) => [
                      ...(current ?? []).filter((m) => m.id !== savedMapping.id),
                      savedMapping,
                    ],
                  );
                  setMappingSource(`saved:${savedMapping.id}`);
                }}
              />
            </div>
            {catalog.status === 'error' ? (
              <p className="field__hint">
                Presets could not be loaded ({catalog.problem.title}); build a mapping instead.
              </p>
            ) : null}
            <MappingEditor
              draft={draft}
              onChange={(next) => setDraft(next)}
              header={upload.header}
              sampleRows={upload.sampleRows}
              workspaceTimeZone={workspaceTimeZone}
              fieldErrors={placed.byField}
            />
          </div>

          <div className="import-flow__step">
            <h3 className="import-flow__step-title">Preview</h3>
            {preview && !preview.ok ? (
              <div className="callout callout--error" role="alert">
                <CircleAlert aria-hidden size={15} className="callout__icon" />
                <div>
                  <p className="callout__title">The mapping does not fit this file yet</p>
                  <ul className="callout__list">
                    {preview.errors.map((error, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id
                      <li key={index}>{error.reason}</li>
                    ))}
                  </ul>
                </div>
              </div>
            ) : preview?.ok ? (
              <>
                {preview.warnings.length > 0 ? (
                  <ul className="import-flow__warnings">
                    {preview.warnings.map((warning, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id
                      <li key={index}>{warning.reason}</li>
                    ))}
                  </ul>
                ) : null}
                <MappingPreviewTable
                  preview={preview}
                  specs={previewSpecs}
                  withProperties={takesProperties(draft.entity) && draft.properties.length > 0}
                />
              </>
            ) : null}
          </div>

          <div className="import-flow__step">
            <div className="import-flow__actions">
              <button
                type="button"
                className={`button${checkedCurrent ? '' : ' button--primary'}`}
                disabled={
                  !preview?.ok || check.kind === 'running' || commit.kind === 'running' || committed
                }
                onClick={() => run(true)}
              >
                {check.kind === 'running' ? 'Checking…' : 'Check'}
              </button>
              <button
                type="button"
                className={`button${checkedCurrent && !committed ? ' button--primary' : ''}`}
                disabled={!checkedCurrent || !preview?.ok || commit.kind === 'running' || committed}
                aria-describedby={`${id}-import-hint`}
                onClick={() => run(false)}
              >
                <UploadIcon aria-hidden size={14} />
                {commit.kind === 'running' ? 'Importing…' : 'Import'}
              </button>
              <span className="field__hint" id={`${id}-import-hint`}>
                {committed
                  ? 'Imported. The history and data health below are up to date.'
                  : checkedCurrent
                    ? 'All or nothing: if any row is refused, nothing is imported.'
                    : check.kind === 'done'
                      ? 'The mapping changed since the check: check again before importing.'
                      : `Check first: a dry run over all rows, nothing is written.`}
              </span>
            </div>
            {check.kind === 'error' ? <ProblemCallout problem={check.problem} /> : null}
            {commit.kind === 'error' ? <ProblemCallout problem={commit.problem} /> : null}
            {commit.kind === 'done' && commit.result.status === 'refused' ? (
              <div role="alert" className="visually-hidden">
                Import refused: {formatCount(commit.result.rejected)} rows have errors. Nothing was
                imported.
              </div>
            ) : null}
            {commit.kind === 'done' ? (
              <ImportOutcomeView result={commit.result} />
            ) : check.kind === 'done' ? (
              <ImportOutcomeView result={check.result} />
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

function ProblemCallout({ problem }: { problem: Problem }) {
  return (
    <div className="callout callout--error" role="alert">
      <CircleAlert aria-hidden size={15} className="callout__icon" />
      <div>
        <p className="callout__title">{problem.title}</p>
        {problem.detail ? <p className="callout__text">{problem.detail}</p> : null}
      </div>
    </div>
  );
}

function SaveMapping({
  mapping,
  defaultName,
  onSaved,
}: {
  mapping: ColumnMapping | null;
  defaultName: string;
  onSaved: (mapping: SavedMapping) => void;
}) {
  const id = useId();
  const [name, setName] = useState(defaultName);
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'saving' }
    | { kind: 'saved'; name: string }
    | { kind: 'error'; problem: Problem }
  >({ kind: 'idle' });

  async function save() {
    if (!mapping || name.trim() === '') return;
    setState({ kind: 'saving' });
    try {
      const saved = await dataApi.saveMapping(name.trim(), mapping);
      setState({ kind: 'saved', name: saved.name });
      onSaved(saved);
    } catch (error) {
      setState({ kind: 'error', problem: toProblem(error) });
    }
  }

  return (
    <form
      className="save-mapping"
      aria-label="Save mapping"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          Save mapping as
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={200}
          placeholder="e.g. HubSpot calls, Berlin team"
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button"
        disabled={!mapping || name.trim() === '' || state.kind === 'saving'}
        title={mapping ? undefined : 'Fix the mapping first'}
      >
        <Save aria-hidden size={14} />
        {state.kind === 'saving' ? 'Saving…' : 'Save'}
      </button>
      <span className="save-mapping__status" role="status">
        {state.kind === 'saved' ? `Saved as “${state.name}”` : ''}
      </span>
      {state.kind === 'error' ? (
        <span className="field__error" role="alert">
          {state.problem.title}
          {state.problem.detail ? `: ${state.problem.detail}` : ''}
        </span>
      ) : null}
    </form>
  );
}
