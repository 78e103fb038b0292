/**
 * On My branches: the interventions the person owns or that target one of their branches,
 * with each one's verdict; an empty state says how to log one.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { paths } from '../routes/paths';
import { treesQuery } from '../server-data/queries';
import { usePermission } from '../session/workspace-scope';
import { InterventionRow } from './InterventionRow';
import { interventionsQuery } from './intervention-queries';

export function MyInterventions({
  personId,
  branches,
}: {
  personId: string;
  branches: { treeId: string; nodeId: string }[];
}) {
  const list = useQuery(interventionsQuery());
  const trees = useQuery(treesQuery());
  const edit = usePermission('editor');
  const onBranch = new Set(branches.map((b) => `${b.treeId}:${b.nodeId}`));
  const mine = (list.data ?? []).filter(
    (i) => i.ownerId === personId || onBranch.has(`${i.treeId}:${i.target.nodeId}`),
  );
  const treeNames = new Map((trees.data ?? []).map((t) => [t.id, t.name]));
  if (list.isPending) return null;
  return (
    <section className="review-group" aria-labelledby="my-interventions-title">
      <h2 id="my-interventions-title">Interventions on your branches</h2>
      {mine.length === 0 ? (
        <p className="review-group__none">
          None yet. When you change how a team works to move one of these numbers,{' '}
          {edit.allowed ? (
            <Link href={paths.newIntervention()}>log it as an intervention</Link>
          ) : (
            'ask an editor to log it as an intervention'
          )}{' '}
          and Treeline will tell you each week whether it worked.
        </p>
      ) : (
        <ul className="intervention-list" aria-label="Your interventions">
          {mine.map((i) => (
            <InterventionRow key={i.id} intervention={i} treeName={treeNames.get(i.treeId)} />
          ))}
        </ul>
      )}
    </section>
  );
}
