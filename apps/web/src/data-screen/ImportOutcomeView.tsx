/**
 * What a check (dry run), a committed import or a refused import found: the counts (insert,
 * update, unchanged, rejected), the activities that are stored but not counted, by reason,
 * and the row errors (row, column, value, reason) with the report of every rejected row.
 */
import { CircleAlert, CircleCheck, Download } from 'lucide-react';
import { workspaceUrl } from '../lib/request-workspace';
import type { ImportResult } from './data-api';
import { ENTITY_LABELS, excludedReasonLabel, excludedTotal, formatCount } from './data-format';

/** Row errors shown on screen; the report holds every one. */
const SHOWN_ERRORS = 50;

export function ImportOutcomeView({ result }: { result: ImportResult }) {
  const dryRun = result.status === 'dry_run';
  const refused = result.status === 'refused';
  const excluded = Object.entries(result.excluded).filter(([, n]) => n > 0);
  const entity = ENTITY_LABELS[result.entity] ?? result.entity;

  return (
    <section
      className={`outcome${refused ? ' outcome--refused' : ''}`}
      aria-label={dryRun ? 'Check result' : refused ? 'Import refused' : 'Import result'}
      data-testid="import-outcome"
    >
      <h3 className="outcome__title">
        {refused ? (
          <CircleAlert aria-hidden size={15} className="outcome__icon is-bad" />
        ) : (
          <CircleCheck aria-hidden size={15} className="outcome__icon is-good" />
        )}
        {dryRun
          ? result.rejected > 0
            ? `Check: ${formatCount(result.rejected)} of ${formatCount(result.rowsRead)} rows would be refused`
            : `Check passed: ${formatCount(result.rowsRead)} rows of ${entity.toLowerCase()} are ready`
          : refused
            ? 'Import refused: nothing was imported'
            : `Imported ${formatCount(result.rowsRead)} rows of ${entity.toLowerCase()}`}
      </h3>
      {result.message ? <p className="outcome__message">{result.message}</p> : null}
      <dl className="outcome__counts" data-testid="import-counts">
        <Count label={dryRun ? 'Would insert' : 'Inserted'} value={result.inserted} />
        <Count label={dryRun ? 'Would update' : 'Updated'} value={result.updated} />
        <Count label="Unchanged" value={result.unchanged} />
        <Count label="Rejected" value={result.rejected} tone={result.rejected > 0 ? 'bad' : null} />
        <Count label="Rows read" value={result.rowsRead} />
      </dl>
      {excluded.length > 0 ? (
        <p className="outcome__excluded">
          Stored but not counted ({formatCount(excludedTotal(result.excluded))}):{' '}
          {excluded.map(([reason, n], index) => (
            <span key={reason}>
              {index > 0 ? ' · ' : ''}
              {excludedReasonLabel(reason)} {formatCount(n)}
            </span>
          ))}
        </p>
      ) : null}
      {result.errors.length > 0 ? (
        <RowErrors result={result} />
      ) : result.rejected > 0 && result.reportUrl ? (
        <ReportLink href={result.reportUrl} />
      ) : null}
    </section>
  );
}

function Count({ label, value, tone }: { label: string; value: number; tone?: 'bad' | null }) {
  return (
    <div className={`outcome__count${tone === 'bad' ? ' is-bad' : ''}`}>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}

function ReportLink({ href }: { href: string }) {
  return (
    <a className="button button--small outcome__report" href={workspaceUrl(href)} download>
      <Download aria-hidden size={13} />
      Download report
    </a>
  );
}

function RowErrors({ result }: { result: ImportResult }) {
  const shown = result.errors.slice(0, SHOWN_ERRORS);
  const more = result.errors.length - shown.length;
  return (
    <div className="outcome__errors">
      <div className="outcome__errors-head">
        <h4 className="outcome__subtitle">Row errors</h4>
        {result.reportUrl ? <ReportLink href={result.reportUrl} /> : null}
      </div>
      <div className="outcome__errors-scroll">
        <table className="data-table" data-testid="row-errors">
          <caption className="visually-hidden">Rows that would be refused, and why</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several errors
              <tr key={`${error.row}:${index}`}>
                <td className="data-table__num">{error.row === 0 ? 'header' : error.row}</td>
                <td>{error.column ?? error.field ?? '—'}</td>
                <td className="data-table__value">
                  {error.value ?? <span className="is-empty">empty</span>}
                </td>
                <td>{error.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 || result.errorsTruncated ? (
        <p className="field__hint">
          {more > 0 ? `${formatCount(more)} more errors are not shown. ` : ''}
          {result.errorsTruncated ? 'The server stopped listing errors after the first ones. ' : ''}
          {result.reportUrl ? 'The report lists every rejected row.' : ''}
        </p>
      ) : null}
    </div>
  );
}
