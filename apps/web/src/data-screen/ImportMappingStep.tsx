/**
 * "Map the columns": which mapping (build my own, a preset, a saved one), saving it under a
 * name, and the mapping editor over the file's header and sample rows.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { queryKeys } from '../server-data/query-keys';
import type { SavedMapping, Upload } from './data-api';
import { MappingEditor } from './MappingEditor';
import type { MappingDraft } from './mapping-draft';
import { SaveMapping } from './SaveMapping';
import { CUSTOM_MAPPING, type ImportFlowState } from './use-import-flow';

export function ImportMappingStep({
  flow,
  upload,
  draft,
  workspaceTimeZone,
}: {
  flow: ImportFlowState;
  upload: Upload;
  draft: MappingDraft;
  workspaceTimeZone: string;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const { entity, presets, saved, mappingSource, committed, chooseMapping, preview, mapping } =
    flow;
  const entityPresets = presets.filter((preset) => preset.entity === entity);
  const entitySaved = saved.filter((m) => m.entity === entity);
  return (
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
            <option value={CUSTOM_MAPPING}>Build my own from the file's columns</option>
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
            flow.setMappingSource(`saved:${savedMapping.id}`);
          }}
        />
      </div>
      {flow.catalog.status === 'error' ? (
        <p className="field__hint">
          Presets could not be loaded ({flow.catalog.problem.title}); build a mapping instead.
        </p>
      ) : null}
      <MappingEditor
        draft={draft}
        onChange={(next) => flow.setDraft(next)}
        header={upload.header}
        sampleRows={upload.sampleRows}
        workspaceTimeZone={workspaceTimeZone}
        fieldErrors={flow.placed.byField}
      />
    </div>
  );
}
