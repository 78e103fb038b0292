/** Which database the server runs on (PGlite or PostgreSQL), from its health. */
import { Database } from 'lucide-react';
import type { Health } from '../lib/api';
import type { Resource } from '../server-data/resource';
import { SkeletonLine } from './Skeleton';

const DATABASE_NAMES: Record<Health['database'], string> = {
  pglite: 'PGlite',
  postgres: 'PostgreSQL',
};

export function DatabaseBadge({ health }: { health: Resource<Health> }) {
  if (health.status === 'loading') return <SkeletonLine width="72px" height={20} />;
  if (health.status === 'error') {
    return (
      <span
        className="badge badge--warning"
        title={`${health.problem.title}${health.problem.detail ? `: ${health.problem.detail}` : ''}`}
      >
        <Database aria-hidden size={12} />
        health unknown
      </span>
    );
  }
  const name = DATABASE_NAMES[health.data.database] ?? health.data.database;
  return (
    <span className="badge" title={`Database: ${name} · migration ${health.data.migration}`}>
      <Database aria-hidden size={12} />
      <span className="visually-hidden">Database: </span>
      {name}
      <span className="visually-hidden">, migration {health.data.migration}</span>
    </span>
  );
}
