/** A failed submit, said beside the form: what went wrong and what to do. */
import { CircleAlert } from 'lucide-react';
import type { Problem } from '../lib/api';

export function FormProblem({ problem }: { problem: Problem | null }) {
  if (!problem) return null;
  return (
    <div className="callout callout--error" role="alert">
      <CircleAlert className="callout__icon" aria-hidden size={15} />
      <div>
        <p className="callout__title">{problem.title}</p>
        {problem.detail ? <p className="callout__text">{problem.detail}</p> : null}
      </div>
    </div>
  );
}
