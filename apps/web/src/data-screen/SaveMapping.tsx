/** Saving the mapping on screen under a name, to pick it for the next file of its kind. */
import type { ColumnMapping } from '@treeline/core';
import { Save } from 'lucide-react';
import { useId, useState } from 'react';
import { type Problem, toProblem } from '../lib/api';
import { dataApi, type SavedMapping } from './data-api';

export function SaveMapping({
  mapping,
  defaultName,
  onSaved,
}: {
  mapping: ColumnMapping | null;
  defaultName: string;
  onSaved: (mapping: SavedMapping) => void;
}) {
  const id = useId();
  const [name, setName] = useState(defaultName);
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'saving' }
    | { kind: 'saved'; name: string }
    | { kind: 'error'; problem: Problem }
  >({ kind: 'idle' });

  async function save() {
    if (!mapping || name.trim() === '') return;
    setState({ kind: 'saving' });
    try {
      const saved = await dataApi.saveMapping(name.trim(), mapping);
      setState({ kind: 'saved', name: saved.name });
      onSaved(saved);
    } catch (error) {
      setState({ kind: 'error', problem: toProblem(error) });
    }
  }

  return (
    <form
      className="save-mapping"
      aria-label="Save mapping"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>
          Save mapping as
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={200}
          placeholder="e.g. HubSpot calls, Berlin team"
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <button
        type="submit"
        className="button"
        disabled={!mapping || name.trim() === '' || state.kind === 'saving'}
        title={mapping ? undefined : 'Fix the mapping first'}
      >
        <Save aria-hidden size={14} />
        {state.kind === 'saving' ? 'Saving…' : 'Save'}
      </button>
      <span className="save-mapping__status" role="status">
        {state.kind === 'saved' ? `Saved as “${state.name}”` : ''}
      </span>
      {state.kind === 'error' ? (
        <span className="field__error" role="alert">
          {state.problem.title}
          {state.problem.detail ? `: ${state.problem.detail}` : ''}
        </span>
      ) : null}
    </form>
  );
}
