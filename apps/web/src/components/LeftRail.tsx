/**
 * The left rail: the wordmark, the product's sections (RAIL_SECTIONS: live ones open a
 * screen; the others are shown, disabled, so the shape of the product is visible), and the
 * workspace's trees under Trees, with "New tree" and a delete button per tree.
 */
import type { TreeSummary } from '@treeline/core';
import {
  Database,
  FlaskConical,
  Gauge,
  GitBranch,
  Inbox,
  type LucideIcon,
  Network,
  Plus,
  Trash2,
} from 'lucide-react';
import type { Resource } from '../server-data/resource';
import { SkeletonLine } from './Skeleton';

/** The live sections of the app; a new screen adds its id here and to RAIL_SECTIONS. */
export type Section = 'trees' | 'metrics' | 'data';

/** The rail's items, in order: a live section opens its screen, `soon` ones are disabled. */
export const RAIL_SECTIONS: ReadonlyArray<
  { label: string; icon: LucideIcon } & ({ id: Section } | { id: null; soon: true })
> = [
  { id: 'trees', label: 'Trees', icon: Network },
  { id: 'metrics', label: 'Metrics', icon: Gauge },
  { id: null, soon: true, label: 'My branches', icon: GitBranch },
  { id: null, soon: true, label: 'Inbox', icon: Inbox },
  { id: null, soon: true, label: 'Interventions', icon: FlaskConical },
  { id: 'data', label: 'Data', icon: Database },
];

export function Wordmark() {
  return (
    <div className="wordmark">
      <svg
        className="wordmark__logo"
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <rect x="9" y="2" width="6" height="6" rx="1.5" />
        <rect x="2" y="16" width="6" height="6" rx="1.5" />
        <rect x="16" y="16" width="6" height="6" rx="1.5" />
        <path d="M12 8v4M5 16v-2a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v2" />
      </svg>
      <span className="wordmark__text">Treeline</span>
    </div>
  );
}

export function LeftRail({
  section,
  onOpenSection,
  trees,
  activeTreeId,
  onOpenTree,
  onNewTree,
  onDeleteTree,
}: {
  section: Section;
  onOpenSection: (section: Section) => void;
  trees: Resource<TreeSummary[]>;
  activeTreeId: string | null;
  onOpenTree: (treeId: string) => void;
  onNewTree: () => void;
  onDeleteTree: (tree: TreeSummary) => void;
}) {
  return (
    <nav className="rail" aria-label="Main">
      <Wordmark />
      <ul className="rail__nav">
        {RAIL_SECTIONS.map((item) =>
          item.id === null ? (
            <ComingSoonItem key={item.label} label={item.label} icon={item.icon} />
          ) : item.id === 'trees' ? (
            <li key={item.id}>
              <div className="rail__row">
                <SectionItem
                  label={item.label}
                  icon={item.icon}
                  active={section === 'trees'}
                  onOpen={() => onOpenSection('trees')}
                />
                <button
                  type="button"
                  className="rail__action"
                  onClick={onNewTree}
                  aria-label="New tree"
                  title="New tree"
                >
                  <Plus aria-hidden size={14} />
                </button>
              </div>
              <TreeList
                trees={trees}
                activeTreeId={section === 'trees' ? activeTreeId : null}
                onOpenTree={(treeId) => {
                  onOpenTree(treeId);
                  onOpenSection('trees');
                }}
                onDeleteTree={onDeleteTree}
              />
            </li>
          ) : (
            <li key={item.id}>
              <SectionItem
                label={item.label}
                icon={item.icon}
                active={section === item.id}
                onOpen={() => onOpenSection(item.id as Section)}
              />
            </li>
          ),
        )}
      </ul>
      <span id="rail-coming-soon" className="visually-hidden">
        coming soon
      </span>
    </nav>
  );
}

function ComingSoonItem({ label, icon: Icon }: { label: string; icon: LucideIcon }) {
  return (
    <li>
      {/* aria-disabled rather than disabled, so keyboard and pointer users still get the tooltip. */}
      <button
        type="button"
        className="rail__item is-disabled"
        aria-disabled="true"
        title="coming soon"
        aria-describedby="rail-coming-soon"
      >
        <Icon aria-hidden size={16} />
        <span>{label}</span>
        <span className="rail__soon" aria-hidden>
          soon
        </span>
      </button>
    </li>
  );
}

function SectionItem({
  label,
  icon: Icon,
  active,
  onOpen,
}: {
  label: string;
  icon: LucideIcon;
  active: boolean;
  onOpen: () => void;
}) {
  return (
    <button
      type="button"
      className={`rail__item rail__item--link${active ? ' is-active' : ''}`}
      aria-current={active ? 'page' : undefined}
      onClick={onOpen}
    >
      <Icon aria-hidden size={16} />
      <span>{label}</span>
    </button>
  );
}

function TreeList({
  trees,
  activeTreeId,
  onOpenTree,
  onDeleteTree,
}: {
  trees: Resource<TreeSummary[]>;
  activeTreeId: string | null;
  onOpenTree: (treeId: string) => void;
  onDeleteTree: (tree: TreeSummary) => void;
}) {
  if (trees.status === 'loading') {
    return (
      <div className="tree-list tree-list--loading" role="status">
        <span className="visually-hidden">Loading trees…</span>
        <SkeletonLine width="70%" />
        <SkeletonLine width="55%" />
      </div>
    );
  }
  if (trees.status === 'error') {
    return <p className="tree-list__note">Trees could not be loaded.</p>;
  }
  if (trees.data.length === 0) {
    return <p className="tree-list__note">No trees yet. Start one with +.</p>;
  }
  return (
    <ul className="tree-list" aria-label="Trees">
      {trees.data.map((tree) => (
        <li key={tree.id} className="tree-list__row">
          <button
            type="button"
            className={`tree-list__item${tree.id === activeTreeId ? ' is-active' : ''}`}
            aria-current={tree.id === activeTreeId ? 'true' : undefined}
            title={tree.description || tree.name}
            onClick={() => onOpenTree(tree.id)}
          >
            <span className="tree-list__name">{tree.name}</span>
            <span className="tree-list__count">
              {tree.nodeCount}
              <span className="visually-hidden"> nodes</span>
            </span>
          </button>
          <button
            type="button"
            className="tree-list__delete"
            onClick={() => onDeleteTree(tree)}
            aria-label={`Delete ${tree.name}`}
            title="Delete tree…"
          >
            <Trash2 aria-hidden size={13} />
          </button>
        </li>
      ))}
    </ul>
  );
}
