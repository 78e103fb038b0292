import type { TreeTemplate } from '@treeline/core';
import { FilePlus2, Network } from 'lucide-react';
import { useId, useState } from 'react';
import { api, type Person, type Problem, type TreeRecord, toProblem } from '../lib/api';
import { peopleQuery, templatesQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import { useScreenQuery } from '../server-data/use-screen-query';
import { Dialog } from './Dialog';
import { SkeletonLine } from './Skeleton';

const EMPTY = '';

export function NewTreeDialog({
  onCreated,
  onClose,
}: {
  onCreated: (tree: TreeRecord) => void;
  onClose: () => void;
}) {
  const templates = resourceOf(useScreenQuery(templatesQuery()));
  const people = resourceOf(useScreenQuery(peopleQuery()));
  const [templateKey, setTemplateKey] = useState<string>(EMPTY);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = useId();

  const list: TreeTemplate[] = templates.status === 'success' ? templates.data : [];
  const template = list.find((t) => t.key === templateKey) ?? null;
  const personList: Person[] = people.status === 'success' ? people.data : [];
  const ownerId =
    owner ?? personList.find((p) => p.role === 'admin')?.id ?? personList[0]?.id ?? '';
  const nameMissing = !template && name.trim() === '';

  async function create(event: React.FormEvent) {
    event.preventDefault();
    if (nameMissing) {
      setProblem({
        type: 'about:blank',
        title: 'Name the tree',
        status: 0,
        detail: 'An empty tree needs a name.',
      });
      return;
    }
    setCreating(true);
    setProblem(null);
    try {
      const tree = await api.createTree({
        ...(name.trim() ? { name: name.trim() } : {}),
        templateKey: template?.key ?? null,
        ...(template && ownerId ? { owner: ownerId } : {}),
      });
      onCreated(tree);
    } catch (error) {
      setProblem(toProblem(error));
      setCreating(false);
    }
  }

  return (
    <Dialog title="New tree" onClose={onClose} className="new-tree" testId="new-tree-dialog">
      <form onSubmit={create} aria-label="New tree" noValidate>
        <fieldset className="new-tree__choices">
          <legend className="field__label">Start from</legend>
          {templates.status === 'loading' ? (
            <div className="new-tree__loading" role="status">
              <span className="visually-hidden">Loading templates…</span>
              <SkeletonLine width="90%" height={44} />
              <SkeletonLine width="90%" height={44} />
            </div>
          ) : templates.status === 'error' ? (
            <p className="field__error">Templates could not be loaded: {templates.problem.title}</p>
          ) : null}
          {list.map((t) => (
            <label key={t.key} className={`choice${templateKey === t.key ? ' is-checked' : ''}`}>
              <input
                type="radio"
                name={`${id}-template`}
                value={t.key}
                checked={templateKey === t.key}
                onChange={() => setTemplateKey(t.key)}
              />
              <Network aria-hidden size={16} className="choice__icon" />
              <span className="choice__text">
                <span className="choice__title">{t.name}</span>
                <span className="choice__hint">
                  {t.nodes.length} nodes · {t.description}
                </span>
              </span>
            </label>
          ))}
          <label className={`choice${templateKey === EMPTY ? ' is-checked' : ''}`}>
            <input
              type="radio"
              name={`${id}-template`}
              value=""
              checked={templateKey === EMPTY}
              onChange={() => setTemplateKey(EMPTY)}
            />
            <FilePlus2 aria-hidden size={16} className="choice__icon" />
            <span className="choice__text">
              <span className="choice__title">Empty tree</span>
              <span className="choice__hint">Start from a blank canvas and add metrics.</span>
            </span>
          </label>
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor={`${id}-name`}>
            Name{template ? ' (optional)' : ''}
          </label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            placeholder={template?.name ?? 'e.g. Q3 outbound activity'}
            onChange={(event) => setName(event.target.value)}
            aria-invalid={problem !== null && nameMissing}
            maxLength={200}
          />
        </div>

        {template ? (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-owner`}>
              Accountable for every node
            </label>
            <select
              id={`${id}-owner`}
              className="input"
              value={ownerId}
              onChange={(event) => setOwner(event.target.value)}
              disabled={personList.length === 0}
            >
              {personList.length === 0 ? <option value="">Nobody yet</option> : null}
              {personList.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
            <p className="field__hint">Hand branches over to their owners in the node panel.</p>
          </div>
        ) : null}

        {problem ? (
          <div className="callout callout--error" role="alert">
            <div>
              <p className="callout__title">{problem.title}</p>
              {problem.detail ? <p className="callout__text">{problem.detail}</p> : null}
            </div>
          </div>
        ) : null}

        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={creating}>
            {creating ? 'Creating…' : 'Create tree'}
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
