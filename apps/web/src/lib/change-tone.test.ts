import { describe, expect, it } from 'vitest';
import { changeTone, changeTrend } from './change-tone';

const up = { absolute: 10, percent: 10 };
const down = { absolute: -10, percent: -10 };

describe('changeTone', () => {
  it('is good when the metric moves the way its direction wants', () => {
    expect(changeTone({ change: up, previousValue: 100, direction: 'higher_is_better' })).toBe(
      'good',
    );
    expect(changeTone({ change: down, previousValue: 100, direction: 'lower_is_better' })).toBe(
      'good',
    );
  });

  it('is bad when it moves the other way', () => {
    expect(changeTone({ change: down, previousValue: 100, direction: 'higher_is_better' })).toBe(
      'bad',
    );
    expect(changeTone({ change: up, previousValue: 100, direction: 'lower_is_better' })).toBe(
      'bad',
    );
  });

  it('is neutral within noise (|Δ%| < 1%)', () => {
    const small = { absolute: 0.9, percent: 0.9 };
    expect(changeTone({ change: small, previousValue: 100, direction: 'higher_is_better' })).toBe(
      'neutral',
    );
    const edge = { absolute: 1, percent: 1 };
    expect(changeTone({ change: edge, previousValue: 100, direction: 'higher_is_better' })).toBe(
      'good',
    );
  });

  it('is neutral with no previous value or no change', () => {
    expect(changeTone({ change: null, previousValue: null, direction: 'higher_is_better' })).toBe(
      'neutral',
    );
    expect(changeTone({ change: up, previousValue: null, direction: 'higher_is_better' })).toBe(
      'neutral',
    );
    expect(
      changeTone({
        change: { absolute: 0, percent: 0 },
        previousValue: 5,
        direction: 'higher_is_better',
      }),
    ).toBe('neutral');
  });

  it('colours a change from 0 (no percentage) by its sign', () => {
    const fromZero = { absolute: 4, percent: null };
    expect(changeTone({ change: fromZero, previousValue: 0, direction: 'higher_is_better' })).toBe(
      'good',
    );
  });

  it('leaves band metrics uncoloured without their band', () => {
    expect(changeTone({ change: up, previousValue: 100, direction: 'within_band' })).toBe(
      'neutral',
    );
  });
});

describe('changeTrend', () => {
  it('points the arrow with the sign, flat within noise', () => {
    expect(changeTrend({ change: up, previousValue: 100 })).toBe('up');
    expect(changeTrend({ change: down, previousValue: 100 })).toBe('down');
    expect(changeTrend({ change: { absolute: 0.1, percent: 0.1 }, previousValue: 100 })).toBe(
      'flat',
    );
    expect(changeTrend({ change: null, previousValue: null })).toBe('flat');
  });
});
