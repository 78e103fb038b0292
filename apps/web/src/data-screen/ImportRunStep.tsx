/**
 * "Check" (a dry run) and "Import" (all or nothing, only after a check of this very
 * mapping), with what each found: counts, row errors, the report.
 */
import { Upload as UploadIcon } from 'lucide-react';
import { useId } from 'react';
import { formatCount } from './data-format';
import { ImportOutcomeView } from './ImportOutcomeView';
import { ProblemCallout } from './ProblemCallout';
import type { ImportFlowState } from './use-import-flow';

export function ImportRunStep({ flow }: { flow: ImportFlowState }) {
  const id = useId();
  const { preview, check, commit, committed, checkedCurrent, run } = flow;
  return (
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
  );
}
