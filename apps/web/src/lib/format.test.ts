import { BENCHMARK_MOTIONS } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatFilter,
  formatGrain,
  formatMetricValue,
  formatMotionChoice,
  formatPercentChange,
  formatQuantity,
  formatSignedMetricValue,
  NO_DATA,
} from './format';

const en = 'en-US';

describe('formatMetricValue', () => {
  it('writes counts as grouped integers', () => {
    expect(formatMetricValue(12345, 'count', en)).toBe('12,345');
    expect(formatMetricValue(1234567.6, 'count', en)).toBe('1,234,568');
    expect(formatMetricValue(0, 'count', en)).toBe('0');
  });

  it('writes ratios with two decimals', () => {
    expect(formatMetricValue(1.2345, 'ratio', en)).toBe('1.23');
    expect(formatMetricValue(2, 'ratio', en)).toBe('2.00');
    expect(formatMetricValue(1234.5, 'ratio', en)).toBe('1,234.50');
  });

  it('writes percent values (fractions) with one decimal', () => {
    expect(formatMetricValue(0.1234, 'percent', en)).toBe('12.3%');
    expect(formatMetricValue(0.05, 'percent', en)).toBe('5.0%');
    expect(formatMetricValue(1, 'percent', en)).toBe('100.0%');
  });

  it('writes hours with an h', () => {
    expect(formatMetricValue(1234.54, 'hours', en)).toBe('1,234.5 h');
    expect(formatMetricValue(12, 'hours', en)).toBe('12 h');
  });

  it('writes durations in words', () => {
    expect(formatMetricValue(5400, 'duration', en)).toBe('1 hour 30 minutes');
  });

  it('says "no data" for a missing value, never 0', () => {
    for (const unit of ['count', 'ratio', 'percent', 'hours', 'duration'] as const) {
      expect(formatMetricValue(null, unit, en)).toBe(NO_DATA);
      expect(formatMetricValue(undefined, unit, en)).toBe(NO_DATA);
      expect(formatMetricValue(Number.NaN, unit, en)).toBe(NO_DATA);
    }
    expect(NO_DATA).toBe('no data');
  });
});

describe('formatDuration', () => {
  it('uses the two largest units', () => {
    expect(formatDuration(45, en)).toBe('45 seconds');
    expect(formatDuration(60, en)).toBe('1 minute');
    expect(formatDuration(3600, en)).toBe('1 hour');
    expect(formatDuration(3 * 86_400 + 4 * 3600, en)).toBe('3 days 4 hours');
    expect(formatDuration(86_400 + 3600 + 61, en)).toBe('1 day 1 hour');
  });

  it('rounds to the smaller unit and carries over', () => {
    expect(formatDuration(90, en)).toBe('1 minute 30 seconds');
    expect(formatDuration(3599.6, en)).toBe('1 hour');
    expect(formatDuration(86_399, en)).toBe('1 day');
    expect(formatDuration(7_170, en)).toBe('2 hours');
  });

  it('handles zero, fractions of a second and negatives', () => {
    expect(formatDuration(0, en)).toBe('0 seconds');
    expect(formatDuration(0.4, en)).toBe('0 seconds');
    expect(formatDuration(-5400, en)).toBe('-1 hour 30 minutes');
  });
});

describe('formatSignedMetricValue', () => {
  it('signs contributions in the parent unit', () => {
    expect(formatSignedMetricValue(120, 'count', en)).toBe('+120');
    expect(formatSignedMetricValue(-1234, 'count', en)).toBe('-1,234');
    expect(formatSignedMetricValue(0.214, 'ratio', en)).toBe('+0.21');
    expect(formatSignedMetricValue(-2.5, 'hours', en)).toBe('-2.5 h');
    expect(formatSignedMetricValue(0, 'count', en)).toBe('0');
  });

  it('writes percent moves in percentage points', () => {
    expect(formatSignedMetricValue(0.03, 'percent', en)).toBe('+3.0 pp');
    expect(formatSignedMetricValue(-0.0125, 'percent', en)).toBe('-1.3 pp');
  });

  it('writes duration moves in words', () => {
    expect(formatSignedMetricValue(5400, 'duration', en)).toBe('+1 hour 30 minutes');
    expect(formatSignedMetricValue(-60, 'duration', en)).toBe('-1 minute');
    expect(formatSignedMetricValue(0, 'duration', en)).toBe('0 seconds');
  });

  it('says "no data" when there is no delta', () => {
    expect(formatSignedMetricValue(null, 'count', en)).toBe(NO_DATA);
  });
});

describe('formatPercentChange', () => {
  it('signs a relative change (in percent, as the API sends it) with one decimal', () => {
    expect(formatPercentChange(12.34, en)).toBe('+12.3%');
    expect(formatPercentChange(-4, en)).toBe('-4.0%');
    expect(formatPercentChange(0.04, en)).toBe('0.0%');
    expect(formatPercentChange(0, en)).toBe('0.0%');
    expect(formatPercentChange(null, en)).toBe(NO_DATA);
  });
});

describe('formatQuantity', () => {
  it('groups and keeps at most two decimals', () => {
    expect(formatQuantity(1234.567, en)).toBe('1,234.57');
    expect(formatQuantity(42, en)).toBe('42');
    expect(formatQuantity(null, en)).toBe(NO_DATA);
  });
});

describe('formatGrain and formatFilter', () => {
  it('names grains', () => {
    expect(formatGrain('month')).toBe('Month');
    expect(formatGrain('week')).toBe('Week');
  });

  it('writes filters in key order', () => {
    expect(formatFilter({ segment: 'smb', channel: 'call' })).toBe(
      'channel = call · segment = smb',
    );
    expect(formatFilter({})).toBe('');
  });
});

describe('formatMotionChoice', () => {
  it('names a motion with its range, open above when it is', () => {
    const motion = (key: string) => BENCHMARK_MOTIONS.find((m) => m.key === key)!;
    expect(formatMotionChoice(motion('mid_market_outbound'))).toBe('Mid-market outbound (8–14)');
    expect(formatMotionChoice(motion('enterprise_pursuit'))).toBe('Enterprise pursuit (12–20+)');
  });
});
