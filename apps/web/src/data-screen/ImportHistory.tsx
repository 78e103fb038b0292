/**
 * The last imports of the workspace, newest first: when, which file, what it held, whether it
 * was committed or refused, and its counts, with the report of rejected rows when there is one.
 */

import { Download, History } from 'lucide-react';
import { useId } from 'react';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { workspaceUrl } from '../lib/request-workspace';
import { importsQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import {
  ENTITY_LABELS,
  excludedSummary,
  formatCount,
  formatDateTime,
  formatRelativeTime,
} from './data-format';

const ORIGIN_LABELS: Record<string, string> = { csv: 'CSV upload', api: 'Bulk API', cli: 'CLI' };

export function ImportHistory() {
  const id = useId();
  const imports = resourceOf(useScreenQuery(importsQuery()));
  const now = new Date();

  return (
    <section className="data-card" aria-labelledby={`${id}-title`}>
      <div className="data-card__head">
        <h2 className="data-card__title" id={`${id}-title`}>
          Import history
        </h2>
        {imports.status === 'success' && imports.data.length > 0 ? (
          <span className="data-card__count">last {imports.data.length}</span>
        ) : null}
      </div>
      {imports.status === 'loading' ? (
        <div role="status" className="data-card__loading">
          <span className="visually-hidden">Loading the import history…</span>
          <SkeletonLine width="90%" />
          <SkeletonLine width="75%" />
        </div>
      ) : imports.status === 'error' ? (
        <ProblemState problem={imports.problem} onRetry={imports.retry} compact />
      ) : imports.data.length === 0 ? (
        <div className="data-empty">
          <History aria-hidden size={18} className="state__icon" />
          <p>
            No imports yet. Files imported above, through the bulk API or the CLI (
            <code>pnpm treeline import</code>) are listed here with their counts.
          </p>
        </div>
      ) : (
        <div className="data-table__scroll">
          <table className="data-table history-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">File</th>
                <th scope="col">Entity</th>
                <th scope="col">Status</th>
                <th scope="col" className="data-table__num">
                  Rows
                </th>
                <th scope="col" className="data-table__num">
                  Inserted
                </th>
                <th scope="col" className="data-table__num">
                  Updated
                </th>
                <th scope="col" className="data-table__num">
                  Unchanged
                </th>
                <th scope="col" className="data-table__num">
                  Rejected
                </th>
                <th scope="col">Report</th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((record) => {
                const excluded = excludedSummary(record.excluded);
                return (
                  <tr key={record.id} data-testid="import-history-row">
                    <td title={formatDateTime(record.finishedAt)}>
                      {formatRelativeTime(record.finishedAt, now)}
                    </td>
                    <td className="history-table__file" title={record.fileName ?? undefined}>
                      {record.fileName ?? (
                        <span className="is-empty">
                          {ORIGIN_LABELS[record.origin] ?? record.origin}
                        </span>
                      )}
                    </td>
                    <td>{ENTITY_LABELS[record.entity] ?? record.entity}</td>
                    <td>
                      <span
                        className={`tag ${record.status === 'committed' ? 'tag--good' : 'tag--bad'}`}
                        title={record.message ?? undefined}
                      >
                        {record.status}
                      </span>
                    </td>
                    <td className="data-table__num">{formatCount(record.rowsRead)}</td>
                    <td className="data-table__num">{formatCount(record.inserted)}</td>
                    <td className="data-table__num">{formatCount(record.updated)}</td>
                    <td className="data-table__num">{formatCount(record.unchanged)}</td>
                    <td
                      className={`data-table__num${record.rejected > 0 ? ' is-bad' : ''}`}
                      title={
                        excluded.length > 0 ? `Not counted: ${excluded.join(', ')}` : undefined
                      }
                    >
                      {formatCount(record.rejected)}
                    </td>
                    <td>
                      {record.reportUrl ? (
                        <a className="link-button" href={workspaceUrl(record.reportUrl)} download>
                          <Download aria-hidden size={12} />
                          Report
                          <span className="visually-hidden">
                            {' '}
                            of rejected rows in {record.fileName ?? 'this import'}
                          </span>
                        </a>
                      ) : (
                        <span className="is-empty">—</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
