import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TREE_CONTROLS,
  isTreeHash,
  type TreeControls,
  treeAddressFromHash,
  treeHash,
} from './tree-address';

describe('the tree screen address', () => {
  it('round-trips every control', () => {
    const controls: TreeControls = {
      grain: 'week',
      at: '2026-09-07',
      compare: 'year',
      filter: { dimension: 'team', value: 'Team A' },
    };
    const hash = treeHash('3f1c', controls);
    expect(hash).toBe('#/trees/3f1c?grain=week&at=2026-09-07&compare=year&filter=team%3DTeam%20A');
    expect(treeAddressFromHash(hash)).toEqual({ treeId: '3f1c', controls });
  });

  it('leaves the defaults out', () => {
    expect(treeHash('t1', DEFAULT_TREE_CONTROLS)).toBe('#/trees/t1');
    expect(treeHash(null, { ...DEFAULT_TREE_CONTROLS, grain: 'quarter' })).toBe(
      '#/trees?grain=quarter',
    );
    expect(treeAddressFromHash('#/trees/t1')).toEqual({
      treeId: 't1',
      controls: DEFAULT_TREE_CONTROLS,
    });
  });

  it('falls back to the default for a value it cannot read', () => {
    expect(
      treeAddressFromHash('#/trees/t1?grain=fortnight&at=2026-02-30&compare=decade&filter=x')
        .controls,
    ).toEqual(DEFAULT_TREE_CONTROLS);
  });

  it('is not the tree screen for other addresses', () => {
    for (const hash of ['', '#', '#/metrics/win_rate', '#/treesx']) {
      expect(isTreeHash(hash), hash).toBe(false);
      expect(treeAddressFromHash(hash)).toEqual({ treeId: null, controls: DEFAULT_TREE_CONTROLS });
    }
    expect(isTreeHash('#/trees/t1?grain=week')).toBe(true);
  });
});
