/** "Preview": the mapping's problems with this file, or its first rows as they would be imported. */
import { CircleAlert } from 'lucide-react';
import { MappingPreviewTable } from './MappingPreviewTable';
import { editableFields, type MappingDraft, takesProperties } from './mapping-draft';
import type { ImportFlowState } from './use-import-flow';

export function ImportPreviewStep({ flow, draft }: { flow: ImportFlowState; draft: MappingDraft }) {
  const { preview } = flow;
  const previewSpecs = editableFields(draft.entity).filter(
    (spec) => spec.required || (draft.fields[spec.name]?.source ?? 'none') !== 'none',
  );
  return (
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
  );
}
