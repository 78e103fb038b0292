/**
 * The state of importing a CSV file: what it holds, the upload (with progress, cancelled
 * when the flow unmounts or starts over), the mapping being built (from a detected or
 * chosen preset, a saved mapping, or a guess from the header) with its live preview of
 * the first rows, and the check and import runs.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ImportEntity } from '@treeline/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type Problem, toProblem } from '../lib/api';
import { importCatalogQuery, importMappingsQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { type ImportPresetInfo, type SavedMapping, type Upload, uploadCsv } from './data-api';
import { draftFromMapping, guessDraft, type MappingDraft, mappingFromDraft } from './mapping-draft';
import { placeMappingErrors } from './place-mapping-errors';
import { previewMapping } from './preview-rows';
import { useImportRuns } from './use-import-runs';

export type ImportStep =
  | { kind: 'choose' }
  | { kind: 'uploading'; fileName: string; sent: number; total: number }
  | { kind: 'mapping'; upload: Upload };

/** The mapping select's value for "build my own". */
export const CUSTOM_MAPPING = 'custom';
const CUSTOM = CUSTOM_MAPPING;

export type ImportFlowState = ReturnType<typeof useImportFlow>;

/** @example const flow = useImportFlow('Europe/Berlin', onImported); flow.startUpload(file); */
export function useImportFlow(workspaceTimeZone: string, onImported: () => void) {
  const queryClient = useQueryClient();
  const catalog = resourceOf(useScreenQuery(importCatalogQuery()));
  const saved: SavedMapping[] = useScreenQuery(importMappingsQuery()).data ?? [];

  const [entity, setEntity] = useState<ImportEntity>('activities');
  const [step, setStep] = useState<ImportStep>({ kind: 'choose' });
  const [uploadProblem, setUploadProblem] = useState<Problem | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [mappingSource, setMappingSource] = useState<string>(CUSTOM);
  const [announcement, setAnnouncement] = useState('');
  const { check, setCheck, commit, setCommit, run } = useImportRuns(setAnnouncement, onImported);
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

  return {
    catalog,
    saved,
    presets,
    entity,
    step,
    upload,
    uploadProblem,
    draft,
    setDraft,
    mapping,
    mappingKey,
    mappingSource,
    setMappingSource,
    preview,
    placed,
    check,
    commit,
    committed,
    checkedCurrent,
    announcement,
    reset,
    startUpload,
    chooseEntity,
    chooseMapping,
    run: (dryRun: boolean) => {
      if (upload && mapping) void run(dryRun, upload.uploadId, mapping, mappingKey);
    },
  };
}
