import { describe, expect, it } from 'vitest';
import { hashPath, hashSearch } from './hash-location';

describe('the hash address', () => {
  it('splits into a path to match and a query for the controls', () => {
    const hash = '#/trees/t1?grain=week&at=2026-09-07&compare=year';
    expect(hashPath(hash)).toBe('/trees/t1');
    expect(hashSearch(hash)).toBe('grain=week&at=2026-09-07&compare=year');
  });

  it('reads an empty or slash-less hash as the root', () => {
    expect(hashPath('')).toBe('/');
    expect(hashPath('#')).toBe('/');
    expect(hashPath('#metrics/win_rate')).toBe('/metrics/win_rate');
    expect(hashSearch('#/metrics/win_rate')).toBe('');
  });
});
