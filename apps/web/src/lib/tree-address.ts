/**
 * The address of the tree screen: `#/trees/<id>?grain=week&at=2026-09-01&compare=year&filter=team%3DTeam%20A`,
 * so a reload or a shared link opens the same tree with the same top bar controls. Defaults
 * (month, the last complete period, vs the previous period, no filter) are left out.
 */
import { COMPARE_MODES, type CompareMode, type Grain, parseLocalDate } from '@treeline/core';
import {
  decodeViewFilter,
  encodeViewFilter,
  GRAIN_CHOICES,
  type ViewFilter,
} from './view-controls';

const PREFIX = '#/trees';

/** What the tree screen's top bar controls choose. */
export interface TreeControls {
  grain: Grain;
  /** A local date (YYYY-MM-DD) the focus period starts on; null follows the last complete one. */
  at: string | null;
  compare: CompareMode;
  filter: ViewFilter | null;
}

export const DEFAULT_TREE_CONTROLS: TreeControls = {
  grain: 'month',
  at: null,
  compare: 'previous',
  filter: null,
};

/**
 * The tree and controls a location hash names; an address that is not the tree screen's
 * gives no tree and the defaults, and a value it cannot read falls back to its default.
 *
 * @example
 * treeAddressFromHash('#/trees/t1?grain=week&compare=year')
 * // { treeId: 't1', controls: { grain: 'week', at: null, compare: 'year', filter: null } }
 */
export function treeAddressFromHash(hash: string): {
  treeId: string | null;
  controls: TreeControls;
} {
  if (hash !== PREFIX && !hash.startsWith(`${PREFIX}/`) && !hash.startsWith(`${PREFIX}?`)) {
    return { treeId: null, controls: DEFAULT_TREE_CONTROLS };
  }
  const rest = hash.slice(PREFIX.length);
  const query = rest.indexOf('?');
  const path = query >= 0 ? rest.slice(0, query) : rest;
  const params = new URLSearchParams(query >= 0 ? rest.slice(query + 1) : '');
  const id = path.startsWith('/') ? decodeURIComponent(path.slice(1)) : '';
  const grain = params.get('grain');
  const at = params.get('at');
  const compare = params.get('compare');
  return {
    treeId: id === '' ? null : id,
    controls: {
      grain: GRAIN_CHOICES.some((choice) => choice.grain === grain)
        ? (grain as Grain)
        : DEFAULT_TREE_CONTROLS.grain,
      at: at !== null && parseLocalDate(at) ? at : null,
      compare: COMPARE_MODES.includes(compare as CompareMode)
        ? (compare as CompareMode)
        : DEFAULT_TREE_CONTROLS.compare,
      filter: decodeViewFilter(params.get('filter') ?? ''),
    },
  };
}

/**
 * The hash naming a tree and its controls, defaults left out.
 *
 * @example treeHash('t1', { grain: 'week', at: '2026-09-07', compare: 'year', filter: null })
 * // '#/trees/t1?grain=week&at=2026-09-07&compare=year'
 * @example treeHash('t1', DEFAULT_TREE_CONTROLS) // '#/trees/t1'
 */
export function treeHash(treeId: string | null, controls: TreeControls): string {
  const params = new URLSearchParams();
  if (controls.grain !== DEFAULT_TREE_CONTROLS.grain) params.set('grain', controls.grain);
  if (controls.at) params.set('at', controls.at);
  if (controls.compare !== DEFAULT_TREE_CONTROLS.compare) params.set('compare', controls.compare);
  if (controls.filter) params.set('filter', encodeViewFilter(controls.filter));
  const query = params.toString().replace(/\+/g, '%20');
  return `${PREFIX}${treeId ? `/${encodeURIComponent(treeId)}` : ''}${query ? `?${query}` : ''}`;
}

/** True when `hash` is the tree screen's (so leaving the screen may clear it). */
export function isTreeHash(hash: string): boolean {
  return hash === PREFIX || hash.startsWith(`${PREFIX}/`) || hash.startsWith(`${PREFIX}?`);
}

/**
 * Writes the tree screen's address in place (no history entry per control change; Back
 * still leaves the screen in one step).
 */
export function replaceTreeHash(treeId: string | null, controls: TreeControls): void {
  const hash = treeHash(treeId, controls);
  if (window.location.hash === hash) return;
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${hash}`,
  );
}
