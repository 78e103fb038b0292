import { describe, expect, it } from 'vitest';
import { isAdditiveFlow, isStockMetric, summarizeSeries } from './metric-summary';
import { seriesOf } from './test-series';

const contactsTotal = {
  type: 'count',
  source: 'contacts',
  at: 'qualified_at',
  asOf: 'period_end',
} as const;
const netNewContacts = { type: 'count', source: 'contacts', at: 'qualified_at' } as const;
const activityPerContact = {
  type: 'ratio',
  numerator: 'activities_total',
  denominator: 'active_contacts',
} as const;

describe('summarizeSeries', () => {
  it('compares the latest period with the one before, in the unit and in percent', () => {
    const summary = summarizeSeries(seriesOf([3.2, 3.0, 3.3]), activityPerContact);
    expect(summary.current).toBe(3.3);
    expect(summary.previous).toBe(3.0);
    expect(summary.changeAbsolute).toBeCloseTo(0.3);
    expect(summary.changePercent).toBeCloseTo(10);
    expect(summary.period?.label).toBe('Mar 2026');
    expect(summary.period?.toDate).toBe(true);
    expect(summary.previousPeriod?.label).toBe('Feb 2026');
    expect(summary).not.toHaveProperty('netNew');
    expect(summary).not.toHaveProperty('rangeTotal');
  });

  it("gives a stock its net new: the period's change of the total", () => {
    const summary = summarizeSeries(seriesOf([1200, 1290]), contactsTotal);
    expect(summary.netNew).toBe(90);
    expect(summary.changePercent).toBeCloseTo(7.5);
    expect(summary).not.toHaveProperty('rangeTotal');
  });

  it('gives an additive flow its total over the periods shown only', () => {
    const summary = summarizeSeries(seriesOf([999, 150, null, 170]), netNewContacts, 3);
    expect(summary.rangeTotal).toBe(320);
    expect(summary).not.toHaveProperty('netNew');
  });

  it('says "no data" (null), never 0, where a value is missing', () => {
    const summary = summarizeSeries(seriesOf([null, 5]), contactsTotal);
    expect(summary.previous).toBeNull();
    expect(summary.changeAbsolute).toBeNull();
    expect(summary.changePercent).toBeNull();
    expect(summary.netNew).toBeNull();
    expect(summarizeSeries(seriesOf([null, null]), netNewContacts).rangeTotal).toBeNull();
  });

  it('copes with an empty range', () => {
    const summary = summarizeSeries(seriesOf([]), netNewContacts);
    expect(summary).toMatchObject({ current: null, previous: null, period: null });
  });
});

describe('metric kinds', () => {
  it('tells stocks (as of the period end) from additive flows and from the rest', () => {
    expect(isStockMetric(contactsTotal)).toBe(true);
    expect(isAdditiveFlow(contactsTotal)).toBe(false);
    expect(isAdditiveFlow(netNewContacts)).toBe(true);
    expect(isStockMetric(activityPerContact)).toBe(false);
    expect(isAdditiveFlow(activityPerContact)).toBe(false);
  });
});
