import { describe, expect, it } from 'vitest';
import { describeTolerance, parseTolerance } from './counting-form';

describe('parseTolerance', () => {
  it('reads whole seconds from 0 to one day', () => {
    expect(parseTolerance(' 120 ')).toBe(120);
    expect(parseTolerance('0')).toBe(0);
    expect(parseTolerance('86400')).toBe(86_400);
  });

  it('says what to enter for anything else', () => {
    for (const text of ['', '-1', '1.5', '86401', 'abc']) {
      expect(typeof parseTolerance(text), text).toBe('string');
    }
  });
});

describe('describeTolerance', () => {
  it('says the tolerance in words', () => {
    expect(describeTolerance(90, 'en-US')).toBe('1 minute 30 seconds');
    expect(describeTolerance(0, 'en-US')).toBe('the same second');
  });
});
