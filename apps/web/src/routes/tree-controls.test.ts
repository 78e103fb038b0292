import { describe, expect, it } from 'vitest';
import { paths, routeParam } from './paths';
import {
  DEFAULT_TREE_CONTROLS,
  type TreeControls,
  treeControlsFromSearch,
  treeControlsSearch,
} from './tree-controls';

describe('the tree screen address', () => {
  it('round-trips every control', () => {
    const controls: TreeControls = {
      grain: 'week',
      at: '2026-09-07',
      compare: 'year',
      filter: { dimension: 'team', value: 'Team A' },
    };
    const path = paths.tree('3f1c', controls);
    expect(path).toBe('/trees/3f1c?grain=week&at=2026-09-07&compare=year&filter=team%3DTeam%20A');
    expect(treeControlsFromSearch(path.slice(path.indexOf('?') + 1))).toEqual(controls);
  });

  it('leaves the defaults out', () => {
    expect(paths.tree('t1', DEFAULT_TREE_CONTROLS)).toBe('/trees/t1');
    expect(treeControlsSearch({ ...DEFAULT_TREE_CONTROLS, grain: 'quarter' })).toBe(
      'grain=quarter',
    );
    expect(treeControlsFromSearch('')).toEqual(DEFAULT_TREE_CONTROLS);
  });

  it('falls back to the default for a value it cannot read', () => {
    expect(treeControlsFromSearch('grain=fortnight&at=2026-02-30&compare=decade&filter=x')).toEqual(
      DEFAULT_TREE_CONTROLS,
    );
  });
});

describe('the metric page address', () => {
  it('round-trips a metric key', () => {
    expect(paths.metric('activity_per_contact')).toBe('/metrics/activity_per_contact');
    const param = paths.metric('a b/c').slice('/metrics/'.length);
    expect(routeParam(param)).toBe('a b/c');
  });
});
