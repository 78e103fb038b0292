/**
 * My branches: the signed-in person's start-of-week page: every node they are Accountable or
 * Responsible for, across trees, at the latest complete week, with open alerts first.
 * Under the cards, the interventions the person owns or that target one of their branches.
 */
import { GitBranch } from 'lucide-react';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { MyInterventions } from '../interventions/MyInterventions';
import { toProblem } from '../lib/api';
import { useScreenQuery } from '../server-data/use-screen-query';
import { myBranchesQuery } from './alert-queries';
import { BranchCard } from './BranchCard';
import { ScreenLoading } from './ScreenLoading';

export function MyBranchesScreen() {
  const mine = useScreenQuery(myBranchesQuery());
  if (mine.isPending) return <ScreenLoading label="Loading your branches" />;
  if (mine.isError)
    return <ProblemState problem={toProblem(mine.error)} onRetry={() => void mine.refetch()} />;
  const { branches, period, me } = mine.data;
  return (
    <section className="alerts-screen" aria-labelledby="branches-title">
      <header className="alerts-screen__head">
        <h1 id="branches-title">My branches</h1>
        <p className="alerts-screen__sub">
          {me ? `${me.name}` : 'Nobody signed in'}
          {period ? ` · ${period.label}, the latest complete week` : ''}
        </p>
      </header>
      {branches.length === 0 ? (
        <EmptyState icon={<GitBranch size={28} />} title="No branches of yours yet">
          A branch is yours when a tree names you Accountable or Responsible for a node. Open a
          tree, select a node and set its owners under RACI in the node panel; the branch then shows
          here with its value, change, status and alerts every week.
        </EmptyState>
      ) : (
        <div className="branch-grid">
          {branches.map((b) => (
            <BranchCard key={`${b.treeId}:${b.nodeId}`} branch={b} period={period} />
          ))}
        </div>
      )}
      {me ? <MyInterventions personId={me.id} branches={branches} /> : null}
    </section>
  );
}
