import { describe, expect, it } from 'vitest';
import type { ScoringVocabulary } from '../contract/scoring/score-model';
import { checkScoreModel, rulePoints, scoreRange } from './check-score-model';
import { bandOf, liftTableRows, wilsonInterval } from './score-bands';

const vocabulary: ScoringVocabulary = {
  contactProperties: ['industry'],
  eventProperties: ['page', 'campaign'],
  eventsPresent: ['page_view', 'email_click', 'activity.meeting'],
  events: [],
};
const bands = [
  { label: 'Cold', min: 0 },
  { label: 'Warm', min: 30 },
  { label: 'Hot', min: 60 },
];

const model = (rules: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'Fit',
  rules,
  bands,
  ...extra,
});

describe('checkScoreModel', () => {
  it('accepts rules of both kinds and fills the defaults', () => {
    const check = checkScoreModel(
      model(
        [
          {
            kind: 'attribute',
            attribute: 'segment',
            operator: 'equals',
            value: 'enterprise',
            points: 20,
          },
          {
            kind: 'attribute',
            attribute: 'properties.industry',
            operator: 'in',
            value: ['saas', 'fintech'],
            points: 5,
          },
          {
            kind: 'event',
            event: 'page_view',
            where: { property: 'page', value: 'pricing' },
            points: 10,
            applies: 'every',
            cap: 30,
          },
        ],
        { thresholds: [50] },
      ),
      vocabulary,
    );
    expect(check.ok).toBe(true);
    expect(check.model?.rules[2]).toMatchObject({ decayDays: null, cap: 30, label: '' });
    expect(check.issues).toEqual([]);
  });

  it('names the rule and field of non-numeric points', () => {
    const check = checkScoreModel(
      model([
        { kind: 'attribute', attribute: 'segment', operator: 'equals', value: 'smb', points: 1 },
        { kind: 'event', event: 'email_click', points: 'ten', applies: 'once' },
      ]),
      vocabulary,
    );
    expect(check.ok).toBe(false);
    expect(check.issues).toEqual([
      { rule: 1, field: 'points', message: 'points must be a number', severity: 'error' },
    ]);
  });

  it('refuses unknown properties, event types, event properties and enum values', () => {
    const check = checkScoreModel(
      model([
        { kind: 'attribute', attribute: 'properties.shoe_size', operator: 'is_set', points: 1 },
        {
          kind: 'attribute',
          attribute: 'favourite_colour',
          operator: 'equals',
          value: 'red',
          points: 1,
        },
        { kind: 'event', event: 'webinar_attended', points: 5, applies: 'once' },
        {
          kind: 'event',
          event: 'page_view',
          where: { property: 'colour', value: 'x' },
          points: 5,
          applies: 'once',
        },
        { kind: 'attribute', attribute: 'segment', operator: 'equals', value: 'huge', points: 1 },
      ]),
      vocabulary,
    );
    expect(check.ok).toBe(false);
    expect(check.issues.map((i) => [i.rule, i.field, i.severity])).toEqual([
      [0, 'attribute', 'error'],
      [1, 'attribute', 'error'],
      [2, 'event', 'error'],
      [3, 'where.property', 'error'],
      [4, 'value', 'error'],
    ]);
    expect(check.issues[0]?.message).toContain('shoe_size');
  });

  it('warns of a threshold no score can reach, and of events the workspace lacks', () => {
    const check = checkScoreModel(
      model(
        [
          {
            kind: 'attribute',
            attribute: 'segment',
            operator: 'equals',
            value: 'enterprise',
            points: 20,
          },
          { kind: 'event', event: 'email_click', points: 5, applies: 'every', cap: 15 },
          { kind: 'event', event: 'form_submit', points: 10, applies: 'once' },
        ],
        { thresholds: [40, 50] },
      ),
      vocabulary,
    );
    expect(check.ok).toBe(true);
    expect(check.issues).toEqual([
      {
        rule: 2,
        field: 'event',
        message: 'the workspace has no "form_submit" events yet',
        severity: 'warning',
      },
      {
        rule: null,
        field: 'thresholds.1',
        message: 'no score can reach 50: the most is 45',
        severity: 'warning',
      },
    ]);
  });

  it('an uncapped every-time rule makes any threshold reachable', () => {
    expect(
      scoreRange([
        {
          kind: 'event',
          event: 'page_view',
          label: '',
          where: null,
          points: 1,
          applies: 'every',
          decayDays: null,
          cap: null,
        },
      ]).max,
    ).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses bands out of order', () => {
    const check = checkScoreModel(
      {
        name: 'x',
        rules: [],
        bands: [
          { label: 'A', min: 10 },
          { label: 'B', min: 5 },
        ],
      },
      vocabulary,
    );
    expect(check.issues).toEqual([
      {
        rule: null,
        field: 'bands.1.min',
        message: 'band "B" must start above 10',
        severity: 'error',
      },
    ]);
  });
});

describe('rulePoints', () => {
  const every = {
    kind: 'event',
    event: 'email_click',
    label: '',
    where: null,
    points: 5,
    applies: 'every',
    decayDays: null,
    cap: null,
  } as const;
  it('once, every and caps, positive and negative', () => {
    expect(rulePoints({ ...every, applies: 'once' }, 4)).toBe(5);
    expect(rulePoints(every, 4)).toBe(20);
    expect(rulePoints({ ...every, cap: 12 }, 4)).toBe(12);
    expect(rulePoints({ ...every, points: -3, cap: 7 }, 4)).toBe(-7);
    expect(rulePoints(every, 0)).toBe(0);
  });
});

describe('bands and lift', () => {
  it('puts a score in the last band it reaches', () => {
    expect(bandOf(bands, -5)).toBe('Cold');
    expect(bandOf(bands, 30)).toBe('Warm');
    expect(bandOf(bands, 99)).toBe('Hot');
  });

  it('computes the Wilson interval', () => {
    const ci = wilsonInterval(10, 100);
    expect(ci?.low).toBeCloseTo(0.05523, 4);
    expect(ci?.high).toBeCloseTo(0.17437, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('rates each band against the overall rate', () => {
    const table = liftTableRows(
      bands,
      new Map([
        ['Cold', { contacts: 80, converted: 4 }],
        ['Hot', { contacts: 20, converted: 6 }],
      ]),
    );
    expect(table.overall).toMatchObject({ contacts: 100, converted: 10, rate: 0.1, lift: 1 });
    expect(
      table.bands.map((b) => [b.band, b.contacts, b.rate, b.lift && Number(b.lift.toFixed(6))]),
    ).toEqual([
      ['Cold', 80, 0.05, 0.5],
      ['Warm', 0, null, null],
      ['Hot', 20, 0.3, 3],
    ]);
  });
});
