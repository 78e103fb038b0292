/** A failed load, said plainly: the problem's title and detail, and a way to retry. */
import { CircleAlert, RotateCw } from 'lucide-react';
import type { Problem } from '../lib/api';

export function ProblemState({
  problem,
  onRetry,
  compact = false,
}: {
  problem: Problem;
  onRetry: () => void;
  compact?: boolean;
}) {
  return (
    <div className={`state${compact ? ' state--compact' : ''}`} role="alert">
      <CircleAlert
        className="state__icon state__icon--error"
        aria-hidden
        size={compact ? 18 : 28}
      />
      <h2 className="state__title">{problem.title}</h2>
      {problem.detail ? <p className="state__text">{problem.detail}</p> : null}
      {problem.status > 0 ? <p className="state__meta">HTTP {problem.status}</p> : null}
      <button type="button" className="button" onClick={onRetry}>
        <RotateCw aria-hidden size={14} />
        Retry
      </button>
    </div>
  );
}
