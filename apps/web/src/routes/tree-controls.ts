/**
 * The tree screen's top bar controls in its address's query:
 * `?grain=week&at=2026-09-01&compare=year&filter=team%3DTeam%20A`, so a reload or a shared
 * link opens the same tree with the same controls. Defaults (month, the last complete
 * period, vs the previous period, no filter) are left out.
 */
import { COMPARE_MODES, type CompareMode, type Grain, parseLocalDate } from '@treeline/core';
import {
  decodeViewFilter,
  encodeViewFilter,
  GRAIN_CHOICES,
  type ViewFilter,
} from '../lib/view-controls';

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
 * The controls a query string names; a value it cannot read falls back to its default.
 *
 * @example
 * treeControlsFromSearch('grain=week&compare=year')
 * // { grain: 'week', at: null, compare: 'year', filter: null }
 */
export function treeControlsFromSearch(search: string): TreeControls {
  const params = new URLSearchParams(search);
  const grain = params.get('grain');
  const at = params.get('at');
  const compare = params.get('compare');
  return {
    grain: GRAIN_CHOICES.some((choice) => choice.grain === grain)
      ? (grain as Grain)
      : DEFAULT_TREE_CONTROLS.grain,
    at: at !== null && parseLocalDate(at) ? at : null,
    compare: COMPARE_MODES.includes(compare as CompareMode)
      ? (compare as CompareMode)
      : DEFAULT_TREE_CONTROLS.compare,
    filter: decodeViewFilter(params.get('filter') ?? ''),
  };
}

/**
 * The query string of the controls, defaults left out ('' for all defaults).
 *
 * @example treeControlsSearch({ grain: 'week', at: '2026-09-07', compare: 'year', filter: null })
 * // 'grain=week&at=2026-09-07&compare=year'
 */
export function treeControlsSearch(controls: TreeControls): string {
  const params = new URLSearchParams();
  if (controls.grain !== DEFAULT_TREE_CONTROLS.grain) params.set('grain', controls.grain);
  if (controls.at) params.set('at', controls.at);
  if (controls.compare !== DEFAULT_TREE_CONTROLS.compare) params.set('compare', controls.compare);
  if (controls.filter) params.set('filter', encodeViewFilter(controls.filter));
  return params.toString().replace(/\+/g, '%20');
}
