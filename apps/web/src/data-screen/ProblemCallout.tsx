/** A problem said in a callout: its title and, when there is one, its detail. */
import { CircleAlert } from 'lucide-react';
import type { Problem } from '../lib/api';

export function ProblemCallout({ problem }: { problem: Problem }) {
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
