/** One of the person's branches: value, change, status against its band, open alerts, a link. */
import { BellRing } from 'lucide-react';
import { Link } from 'wouter';
import { ChangeChip } from '../components/ChangeChip';
import { NodeInterventionFlag } from '../interventions/NodeInterventionFlag';
import { formatMetricValue } from '../lib/format';
import { paths } from '../routes/paths';
import type { MyBranch, MyBranches } from './alerts-api';

const STATUS_WORDS = {
  below: 'Below its band',
  within: 'Within its band',
  above: 'Above its band',
};

/** Whether sitting outside the band is good or bad for this metric. */
function statusTone(branch: MyBranch): 'good' | 'bad' | 'neutral' {
  if (!branch.status || branch.status === 'within') return branch.status ? 'good' : 'neutral';
  if (branch.direction === 'higher_is_better') return branch.status === 'above' ? 'good' : 'bad';
  if (branch.direction === 'lower_is_better') return branch.status === 'below' ? 'good' : 'bad';
  return 'bad';
}

export function BranchCard({ branch, period }: { branch: MyBranch; period: MyBranches['period'] }) {
  const href = paths.tree(branch.treeId, {
    grain: 'week',
    at: period ? period.start.slice(0, 10) : null,
    compare: 'previous',
    filter: null,
  });
  return (
    <article className="branch-card" data-testid="branch-card">
      <header>
        <h2 className="branch-card__label">{branch.label}</h2>
        <p className="branch-card__tree">
          {branch.treeName} ·{' '}
          {branch.roles
            .map((r) => (r === 'accountable' ? 'Accountable' : 'Responsible'))
            .join(', ')}
        </p>
      </header>
      {branch.error ? (
        <p className="field__error">Cannot evaluate: {branch.error.message}</p>
      ) : (
        <div className="branch-card__value-row">
          <span className="branch-card__value">{formatMetricValue(branch.value, branch.unit)}</span>
          <ChangeChip node={branch} {...(period ? { previousLabel: 'the week before' } : {})} />
        </div>
      )}
      <div className="branch-card__chips">
        {branch.status ? (
          <span className={`status-chip status-chip--${statusTone(branch)}`}>
            {STATUS_WORDS[branch.status]}
            {branch.bandKind === 'benchmark' ? ' (benchmark)' : ' (target)'}
          </span>
        ) : (
          <span className="status-chip status-chip--neutral" title="Set a target in the node panel">
            No target set
          </span>
        )}
        <NodeInterventionFlag treeId={branch.treeId} nodeId={branch.nodeId} />
        {branch.openAlerts > 0 ? (
          <span className="count-badge" data-testid="branch-open-alerts">
            <BellRing aria-hidden size={12} /> {branch.openAlerts} open
          </span>
        ) : null}
      </div>
      <Link href={href} className="branch-card__link">
        Open in {branch.treeName}
      </Link>
    </article>
  );
}
