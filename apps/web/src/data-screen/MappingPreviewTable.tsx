/**
 * The first rows of the file as the mapping reads them, normalized in the browser: one column
 * per field, a refused cell highlighted with its reason as tooltip and accessible description.
 */
import type { ImportFieldSpec } from '@treeline/core';
import { CircleAlert } from 'lucide-react';
import type { MappingPreview } from './preview-rows';

export function MappingPreviewTable({
  preview,
  specs,
  withProperties,
}: {
  preview: MappingPreview & { ok: true };
  specs: readonly ImportFieldSpec[];
  withProperties: boolean;
}) {
  const refused = preview.rows.filter((row) => !row.ok).length;
  return (
    <div className="preview">
      <p className="preview__summary">
        {preview.rows.length === 0
          ? 'The file has no data rows to preview.'
          : refused === 0
            ? `All ${preview.rows.length} preview rows read cleanly.`
            : `${refused} of ${preview.rows.length} preview rows have problems; hover or focus a marked cell for the reason.`}
      </p>
      <div className="preview__scroll">
        <table className="data-table preview__table" data-testid="mapping-preview">
          <caption className="visually-hidden">
            The first {preview.rows.length} rows as they would be imported
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {specs.map((spec) => (
                <th key={spec.name} scope="col" title={spec.description}>
                  {spec.label}
                </th>
              ))}
              {withProperties ? <th scope="col">Properties</th> : null}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row} className={row.ok ? undefined : 'is-refused'}>
                <th scope="row" className="data-table__num">
                  {row.row}
                  {row.rowErrors.length > 0 ? (
                    <span
                      className="preview__row-error"
                      title={row.rowErrors.join('; ')}
                      role="img"
                      aria-label={row.rowErrors.join('; ')}
                    >
                      <CircleAlert aria-hidden size={12} />
                    </span>
                  ) : null}
                </th>
                {[...specs.map((spec) => spec.name), ...(withProperties ? ['properties'] : [])].map(
                  (name) => {
                    const cell = row.cells[name];
                    if (cell?.error) {
                      return (
                        <td
                          key={name}
                          className="preview__cell is-error"
                          title={cell.error}
                          aria-description={cell.error}
                          // Focusable so keyboard users reach the reason, too.
                          // biome-ignore lint/a11y/noNoninteractiveTabindex: the reason is read on focus
                          tabIndex={0}
                          data-testid="preview-error"
                        >
                          {cell.text ?? <span className="is-empty">empty</span>}
                        </td>
                      );
                    }
                    return (
                      <td key={name} className="preview__cell">
                        {cell?.text ?? <span className="is-empty">—</span>}
                      </td>
                    );
                  },
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
