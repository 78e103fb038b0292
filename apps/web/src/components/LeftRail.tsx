/**
 * The left rail: the wordmark, the product's sections (Trees and Metrics are live; the
 * others are shown, disabled, so the shape of the product is visible), and the
 * workspace's trees under Trees.
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
} from 'lucide-react';
import type { Resource } from '../lib/use-resource';
import { SkeletonLine } from './Skeleton';

/** The live sections of the app. */
export type Section = 'trees' | 'metrics';

const COMING_SOON: Array<{ label: string; icon: LucideIcon }> = [
  { label: 'My branches', icon: GitBranch },
  { label: 'Inbox', icon: Inbox },
  { label: 'Interventions', icon: FlaskConical },
  { label: 'Data', icon: Database },
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
}: {
  section: Section;
  onOpenSection: (section: Section) => void;
  trees: Resource<TreeSummary[]>;
  activeTreeId: string | null;
  onOpenTree: (treeId: string) => void;
}) {
  return (
    <nav className="rail" aria-label="Main">
      <Wordmark />
      <ul className="rail__nav">
        <li>
          <SectionItem
            label="Trees"
            icon={Network}
            active={section === 'trees'}
            onOpen={() => onOpenSection('trees')}
          />
          <TreeList
            trees={trees}
            activeTreeId={section === 'trees' ? activeTreeId : null}
            onOpenTree={(treeId) => {
              onOpenTree(treeId);
              onOpenSection('trees');
            }}
          />
        </li>
        <li>
          <SectionItem
            label="Metrics"
            icon={Gauge}
            active={section === 'metrics'}
            onOpen={() => onOpenSection('metrics')}
          />
        </li>
        {COMING_SOON.map(({ label, icon: Icon }) => (
          <li key={label}>
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
        ))}
      </ul>
      <span id="rail-coming-soon" className="visually-hidden">
        coming soon
      </span>
    </nav>
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
}: {
  trees: Resource<TreeSummary[]>;
  activeTreeId: string | null;
  onOpenTree: (treeId: string) => void;
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
    return <p className="tree-list__note">No trees yet.</p>;
  }
  return (
    <ul className="tree-list" aria-label="Trees">
      {trees.data.map((tree) => (
        <li key={tree.id}>
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
        </li>
      ))}
    </ul>
  );
}
