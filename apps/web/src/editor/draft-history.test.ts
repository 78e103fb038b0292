import type { TreeDraft } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  mapHistory,
  recordEdit,
  redoEdit,
  undoEdit,
} from './draft-history';

const draft = (name: string): TreeDraft => ({
  name,
  description: '',
  motion: null,
  outboundWindowDays: 30,
  nodes: [],
  edges: [],
});

describe('the draft history', () => {
  it('undoes back to the first draft and redoes forward again', () => {
    const [a, b, c] = [draft('a'), draft('b'), draft('c')];
    const history = recordEdit(recordEdit(EMPTY_HISTORY, a), b);
    const back = undoEdit(history, c)!;
    expect(back.draft).toBe(b);
    const first = undoEdit(back.history, back.draft)!;
    expect(first.draft).toBe(a);
    expect(undoEdit(first.history, first.draft)).toBeNull();
    const again = redoEdit(first.history, first.draft)!;
    expect(again.draft).toBe(b);
    expect(redoEdit(again.history, again.draft)!.draft).toBe(c);
  });

  it('forgets what was undone once a new edit is made', () => {
    const [a, b, c] = [draft('a'), draft('b'), draft('c')];
    const back = undoEdit(recordEdit(EMPTY_HISTORY, a), b)!;
    const edited = recordEdit(back.history, back.draft);
    expect(edited.future).toEqual([]);
    expect(redoEdit(edited, c)).toBeNull();
  });

  it(`keeps the last ${HISTORY_LIMIT} edits`, () => {
    let history = EMPTY_HISTORY;
    for (let i = 0; i <= HISTORY_LIMIT; i++) history = recordEdit(history, draft(String(i)));
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]!.name).toBe('1');
  });

  it('rewrites every draft it holds', () => {
    const back = undoEdit(recordEdit(EMPTY_HISTORY, draft('a')), draft('b'))!;
    const renamed = mapHistory(recordEdit(back.history, draft('c')), (d) => ({
      ...d,
      name: d.name.toUpperCase(),
    }));
    expect(renamed.past.map((d) => d.name)).toEqual(['C']);
    expect(mapHistory(back.history, (d) => ({ ...d, name: `${d.name}!` })).future[0]!.name).toBe(
      'b!',
    );
  });
});
