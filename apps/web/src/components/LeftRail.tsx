/**
 * The left rail: the wordmark, the product's sections (RAIL_SECTIONS: live ones open a
 * screen; the others are shown, disabled, so the shape of the product is visible), and the
 * workspace's trees under Trees, with "New tree" and a delete button per tree (for editors
 * and admins), the workspace switcher, People and API tokens (admins), and who is signed
 * in: their account, the demo's badge and its "View as".
 */

import type { TreeSummary } from '@treeline/core';
import {
  Database,
  FlaskConical,
  Gauge,
  GitBranch,
  Inbox,
  KeyRound,
  type LucideIcon,
  Network,
  Plus,
  Users,
} from 'lucide-react';
import type { Resource } from '../server-data/resource';
import { usePermission } from '../session/workspace-scope';
import { RailAccount } from './RailAccount';
import { TreeList } from './TreeList';
import { Wordmark } from './Wordmark';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

/** The live sections of the app; a new screen adds its id here and to RAIL_SECTIONS. */
export type Section =
  | 'trees'
  | 'metrics'
  | 'data'
  | 'people'
  | 'tokens'
  | 'account'
  | 'my-branches'
  | 'inbox'
  | 'interventions';

/** The rail's items, in order: a live section opens its screen, `soon` ones are disabled. */
export const RAIL_SECTIONS: ReadonlyArray<
  { label: string; icon: LucideIcon } & ({ id: Section } | { id: null; soon: true })
> = [
  { id: 'trees', label: 'Trees', icon: Network },
  { id: 'metrics', label: 'Metrics', icon: Gauge },
  { id: 'my-branches', label: 'My branches', icon: GitBranch },
  { id: 'inbox', label: 'Inbox', icon: Inbox },
  { id: 'interventions', label: 'Interventions', icon: FlaskConical },
  { id: 'data', label: 'Data', icon: Database },
];

/** The workspace's own settings, under the sections; `admin` ones only for admins. */
export const RAIL_WORKSPACE_SECTIONS: ReadonlyArray<{
  id: Section;
  label: string;
  icon: LucideIcon;
  admin: boolean;
}> = [
  { id: 'people', label: 'People', icon: Users, admin: false },
  { id: 'tokens', label: 'API tokens', icon: KeyRound, admin: true },
];

export function LeftRail({
  section,
  onOpenSection,
  trees,
  activeTreeId,
  onOpenTree,
  onNewTree,
  onDeleteTree,
  onSwitchWorkspace,
  badges = {},
}: {
  /** Counts shown beside a section (open alerts on My branches, unread in the Inbox). */
  badges?: Partial<Record<Section, { count: number; label: string }>>;
  section: Section;
  onOpenSection: (section: Section) => void;
  trees: Resource<TreeSummary[]>;
  activeTreeId: string | null;
  onOpenTree: (treeId: string) => void;
  onNewTree: () => void;
  onDeleteTree: (tree: TreeSummary) => void;
  /** Opens another workspace of the user's (after any unsaved edits are settled). */
  onSwitchWorkspace: (slug: string) => void;
}) {
  const edit = usePermission('editor');
  const admin = usePermission('admin');
  return (
    <nav className="rail" aria-label="Main">
      <Wordmark />
      <WorkspaceSwitcher onSwitch={onSwitchWorkspace} />
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
                {edit.allowed ? (
                  <button
                    type="button"
                    className="rail__action"
                    onClick={onNewTree}
                    aria-label="New tree"
                    title="New tree"
                  >
                    <Plus aria-hidden size={14} />
                  </button>
                ) : null}
              </div>
              <TreeList
                trees={trees}
                activeTreeId={section === 'trees' ? activeTreeId : null}
                onOpenTree={(treeId) => {
                  onOpenTree(treeId);
                  onOpenSection('trees');
                }}
                onDeleteTree={edit.allowed ? onDeleteTree : null}
              />
            </li>
          ) : (
            <li key={item.id}>
              <SectionItem
                label={item.label}
                icon={item.icon}
                active={section === item.id}
                onOpen={() => onOpenSection(item.id as Section)}
                badge={badges[item.id]}
              />
            </li>
          ),
        )}
      </ul>
      <ul className="rail__nav rail__nav--workspace" aria-label="Workspace">
        {RAIL_WORKSPACE_SECTIONS.filter((item) => !item.admin || admin.allowed).map((item) => (
          <li key={item.id}>
            <SectionItem
              label={item.label}
              icon={item.icon}
              active={section === item.id}
              onOpen={() => onOpenSection(item.id)}
            />
          </li>
        ))}
      </ul>
      <RailAccount active={section === 'account'} onOpenAccount={() => onOpenSection('account')} />
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
  badge,
}: {
  label: string;
  icon: LucideIcon;
  active: boolean;
  onOpen: () => void;
  badge?: { count: number; label: string } | undefined;
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
      {badge && badge.count > 0 ? (
        <span className="rail__badge" title={badge.label}>
          {badge.count}
          <span className="visually-hidden"> ({badge.label})</span>
        </span>
      ) : null}
    </button>
  );
}
