/** Hygiene warnings (never blocking): the common tracking mistakes, said plainly. */
import type { TreeIssue } from '@treeline/core';
import { TriangleAlert } from 'lucide-react';

/** Hygiene warnings (never blocking): the common tracking mistakes, said plainly. */
export function HygieneWarnings({ warnings }: { warnings: readonly TreeIssue[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="callout callout--warning" role="note">
      <TriangleAlert aria-hidden size={14} className="callout__icon" />
      <div>
        <p className="callout__title">
          {warnings.length === 1 ? 'One thing to check' : `${warnings.length} things to check`}
        </p>
        <ul className="callout__list">
          {warnings.map((warning) => (
            <li key={`${warning.code}:${warning.message}`}>{warning.message}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
