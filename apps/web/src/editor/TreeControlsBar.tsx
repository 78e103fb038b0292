import type { Grain, TreeView } from '@treeline/core';
import { MotionSelect } from '../components/MotionSelect';
import { PeriodControls } from '../components/PeriodControls';
import { PeriodPicker } from '../components/PeriodPicker';
import { refocusAtGrain } from '../lib/period-choices';
import { filterChoices } from '../lib/view-controls';
import type { TreeControls } from '../routes/tree-controls';
import { dimensionValuesQuery } from '../server-data/queries';
import { usePeriodOptions } from '../server-data/use-period-options';
import { useScreenQuery } from '../server-data/use-screen-query';

export function TreeControlsBar({
  controls,
  setControls,
  view,
  draftReady,
}: {
  controls: TreeControls;
  setControls: (change: (current: TreeControls) => TreeControls) => void;
  /** The values on screen, once there are any. */
  view: TreeView | null;
  draftReady: boolean;
}) {
  const { grain, compare, filter } = controls;
  const periodOptions = usePeriodOptions();
  const knownValues = useScreenQuery(dimensionValuesQuery()).data ?? null;
  const setGrain = (next: Grain) =>
    setControls((c) => ({
      ...c,
      grain: next,
      // The focus stays roughly in place: the new grain's period holding its last instant.
      at: periodOptions ? refocusAtGrain(c.at, c.grain, next, new Date(), periodOptions) : null,
    }));
  return (
    <>
      <PeriodControls
        grain={grain}
        onGrainChange={setGrain}
        picker={
          view && periodOptions && view.period.grain === grain ? (
            <PeriodPicker
              focus={view.period}
              latest={view.latestPeriod}
              options={periodOptions}
              onFocusChange={(next) => setControls((c) => ({ ...c, at: next }))}
            />
          ) : null
        }
        compare={compare}
        onCompareChange={(next) => setControls((c) => ({ ...c, compare: next }))}
        filter={filter}
        filterChoices={filterChoices(knownValues, filter)}
        onFilterChange={(next) => setControls((c) => ({ ...c, filter: next }))}
      />
      {draftReady ? <MotionSelect /> : null}
    </>
  );
}
