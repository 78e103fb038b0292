/**
 * The tree's benchmark motion in the top bar: the touches-per-contact band every benchmark
 * node is judged against. Choosing one is an edit of the tree's draft like any other (undo,
 * save, conflicts), the same value the tree's detail panel edits.
 */
import { BENCHMARK_MOTIONS, type BenchmarkMotionKey } from '@treeline/core';
import { Gauge } from 'lucide-react';
import { useTreeEditor } from '../editor/TreeEditorProvider';
import { useEditorActions } from '../editor/tree-editor-hooks';
import { formatMotionChoice } from '../lib/format';

export function MotionSelect() {
  const motion = useTreeEditor((state) => state.draft?.motion ?? null);
  const hasDraft = useTreeEditor((state) => state.draft !== null);
  const { updateTree } = useEditorActions();
  if (!hasDraft) return null;
  const chosen = BENCHMARK_MOTIONS.find((m) => m.key === motion);
  return (
    <label
      className={`view-filter${motion ? ' is-set' : ''}`}
      title={
        chosen
          ? `Benchmark bands: ${chosen.name}, ${chosen.min}–${chosen.max}${chosen.openAbove ? '+' : ''} touches per contact`
          : 'No benchmark motion: benchmark bands are empty'
      }
    >
      <Gauge aria-hidden size={13} />
      <span className="visually-hidden">Benchmark motion</span>
      <select
        className="view-filter__select view-filter__select--compact"
        value={motion ?? ''}
        onChange={(event) =>
          updateTree({ motion: (event.target.value || null) as BenchmarkMotionKey | null })
        }
      >
        <option value="">No motion</option>
        {BENCHMARK_MOTIONS.map((m) => (
          <option key={m.key} value={m.key}>
            {formatMotionChoice(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
