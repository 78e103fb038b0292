/**
 * Interventions: every change a team logged, newest start first, with the target's latest
 * verdict, narrowed by verdict, branch and owner. Editors log new ones from here; viewers
 * read, with the reason they cannot log one said where the button would be.
 */
import { useQuery } from '@tanstack/react-query';
import { FlaskConical, Plus } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import { ScreenLoading } from '../alerts/ScreenLoading';
import { ViewOnlyNote } from '../components/EditGuard';
import { EmptyState } from '../components/EmptyState';
import { ProblemState } from '../components/ProblemState';
import { toProblem } from '../lib/api';
import { paths } from '../routes/paths';
import { treesQuery } from '../server-data/queries';
import { useScreenQuery } from '../server-data/use-screen-query';
import { usePermission } from '../session/workspace-scope';
import { InterventionFilters } from './InterventionFilters';
import { InterventionRow } from './InterventionRow';
import { NO_PICKS, pickInterventions } from './intervention-filters';
import { interventionsQuery } from './intervention-queries';

export function InterventionsScreen() {
  const list = useScreenQuery(interventionsQuery());
  const trees = useQuery(treesQuery());
  const edit = usePermission('editor');
  const [picks, setPicks] = useState(NO_PICKS);
  if (list.isPending) return <ScreenLoading label="Loading interventions" />;
  if (list.isError)
    return <ProblemState problem={toProblem(list.error)} onRetry={() => void list.refetch()} />;
  const treeNames = new Map((trees.data ?? []).map((t) => [t.id, t.name]));
  const shown = pickInterventions(list.data, picks);
  return (
    <section className="alerts-screen" aria-labelledby="interventions-title">
      <header className="alerts-screen__head">
        <div>
          <h1 id="interventions-title">Interventions</h1>
          <p className="alerts-screen__sub">
            What teams changed, and whether the number they meant to move really moved.
          </p>
        </div>
        {edit.allowed ? (
          <Link href={paths.newIntervention()} className="button button--primary">
            <Plus aria-hidden size={14} /> Log intervention
          </Link>
        ) : (
          <ViewOnlyNote />
        )}
      </header>
      {list.data.length === 0 ? (
        <EmptyState icon={<FlaskConical size={28} />} title="No interventions logged yet">
          <p>
            When a team changes how it works (a new call cadence, a script, a pricing rule), log it
            here: the node it should move, from when, for whom, and the smallest effect worth
            having. Treeline then checks every week, as data arrive, whether the number really moved
            against a comparison group or its own earlier trend.
          </p>
          {edit.allowed ? (
            <p>
              <Link href={paths.newIntervention()}>Log the first intervention</Link>
            </p>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <InterventionFilters list={list.data} picks={picks} onChange={setPicks} />
          {shown.length === 0 ? (
            <p className="intervention-none" role="status">
              No intervention matches these filters.{' '}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setPicks(NO_PICKS)}
              >
                Show them all
              </button>
            </p>
          ) : (
            <ul className="intervention-list" aria-label="Interventions">
              {shown.map((i) => (
                <InterventionRow key={i.id} intervention={i} treeName={treeNames.get(i.treeId)} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
