import type { MetricSpec } from '@treeline/core';
import { describe, expect, it } from 'vitest';
import type { Problem } from './api';
import {
  buildCreateMetricBody,
  buildMetricChanges,
  EMPTY_METRIC_FORM,
  metricFormStateOf,
  placeMetricProblem,
} from './metric-form';

const named = { ...EMPTY_METRIC_FORM, key: 'calls', name: 'Calls' };

describe('buildCreateMetricBody', () => {
  it('builds a filtered count, skipping blank filter rows', () => {
    expect(
      buildCreateMetricBody({
        ...named,
        description: '  Counted calls ',
        filters: [
          { dimension: 'channel', value: 'call' },
          { dimension: '', value: '' },
        ],
      }),
    ).toEqual({
      ok: true,
      body: {
        key: 'calls',
        name: 'Calls',
        description: 'Counted calls',
        unit: 'count',
        direction: 'higher_is_better',
        kind: 'input',
        definition: { type: 'count', source: 'activities', filter: { channel: 'call' } },
      },
    });
  });

  it('builds a percentile, a ratio and a formula', () => {
    const percentile = buildCreateMetricBody({
      ...named,
      type: 'percentile',
      source: 'capacity',
      column: 'selling_hours',
      percentile: '0.9',
    });
    expect(percentile.ok && percentile.body.definition).toEqual({
      type: 'percentile',
      source: 'capacity',
      column: 'selling_hours',
      percentile: 0.9,
    });
    const ratio = buildCreateMetricBody({
      ...named,
      type: 'ratio',
      numerator: 'activities_total',
      denominator: 'reps_active',
      column: 'ignored',
      filters: [{ dimension: 'channel', value: 'call' }],
    });
    expect(ratio.ok && ratio.body.definition).toEqual({
      type: 'ratio',
      numerator: 'activities_total',
      denominator: 'reps_active',
    });
    const formula = buildCreateMetricBody({ ...named, type: 'formula', expression: ' a / b ' });
    expect(formula.ok && formula.body.definition).toEqual({ type: 'formula', expression: 'a / b' });
  });

  it('names the fields to fix before anything is sent', () => {
    expect(
      buildCreateMetricBody({
        ...EMPTY_METRIC_FORM,
        key: 'Calls Per Rep',
        type: 'percentile',
        percentile: '90',
        filters: [{ dimension: 'channel', value: '' }],
      }),
    ).toEqual({
      ok: false,
      errors: {
        key: expect.stringMatching(/lower-case/),
        name: expect.any(String),
        column: expect.any(String),
        percentile: expect.stringMatching(/between 0 and 1/),
        filters: expect.stringMatching(/dimension and a value/),
      },
    });
    expect(buildCreateMetricBody({ ...named, type: 'ratio' })).toEqual({
      ok: false,
      errors: { numerator: expect.any(String), denominator: expect.any(String) },
    });
    expect(buildCreateMetricBody({ ...named, type: 'formula', expression: '  ' })).toEqual({
      ok: false,
      errors: { expression: expect.any(String) },
    });
  });
});

const problem = (code: string, detail: string, extra: Partial<Problem> = {}): Problem => ({
  type: `https://treeline.dev/problems/${code}`,
  title: code,
  status: 422,
  detail,
  ...extra,
});

describe('placeMetricProblem', () => {
  it('puts an unknown reference next to the formula or the ratio side that names it', () => {
    const unknown = problem(
      'unknown-metric',
      'metric x refers to "ghosts", which is not a metric',
      {
        reference: 'ghosts',
      },
    );
    expect(placeMetricProblem(unknown, { ...named, type: 'formula' })).toEqual({
      fields: { expression: unknown.detail },
      callout: null,
    });
    expect(
      placeMetricProblem(unknown, {
        ...named,
        type: 'ratio',
        numerator: 'calls',
        denominator: 'ghosts',
      }),
    ).toEqual({ fields: { denominator: unknown.detail }, callout: null });
  });

  it('places key, syntax, dimension and column problems on their fields', () => {
    expect(
      placeMetricProblem(problem('metric-key-taken', 'taken', { status: 409 }), named),
    ).toEqual({ fields: { key: 'taken' }, callout: null });
    expect(
      placeMetricProblem(problem('formula-syntax', 'unexpected end'), {
        ...named,
        type: 'formula',
      }).fields,
    ).toEqual({ expression: 'unexpected end' });
    expect(placeMetricProblem(problem('unknown-dimension', 'no colour'), named).fields).toEqual({
      filters: 'no colour',
    });
    expect(
      placeMetricProblem(problem('invalid-metric', 'no column', { column: 'x' }), {
        ...named,
        type: 'sum',
      }).fields,
    ).toEqual({ column: 'no column' });
  });

  it('maps validation errors by path and keeps the rest for the callout', () => {
    const invalid = problem('validation', 'name: too short; other: bad', {
      status: 400,
      errors: [
        { path: 'name', message: 'Too short' },
        { path: 'definition.expression', message: 'Too long' },
        { path: 'other', message: 'bad' },
      ],
    });
    expect(placeMetricProblem(invalid, named)).toEqual({
      fields: { name: 'Too short', expression: 'Too long' },
      callout: invalid,
    });
  });

  it('never loses a problem it cannot place', () => {
    const cycle = problem('metric-cycle', 'a → b → a');
    expect(placeMetricProblem(cycle, named)).toEqual({ fields: {}, callout: cycle });
    const crash = { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: '' };
    expect(placeMetricProblem(crash, named)).toEqual({ fields: {}, callout: crash });
  });
});

describe('metricFormStateOf', () => {
  const spec = {
    key: 'calls',
    name: 'Calls',
    description: 'Counted calls',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
  } as const;

  it('reads a filtered row aggregate into the form', () => {
    expect(
      metricFormStateOf({
        ...spec,
        definition: {
          type: 'percentile',
          source: 'capacity',
          column: 'selling_hours',
          percentile: 0.9,
          filter: { team: 'A' },
        },
      }),
    ).toEqual({
      ...EMPTY_METRIC_FORM,
      ...spec,
      type: 'percentile',
      source: 'capacity',
      column: 'selling_hours',
      percentile: '0.9',
      filters: [{ dimension: 'team', value: 'A' }],
    });
    expect(
      metricFormStateOf({ ...spec, definition: { type: 'count', source: 'contacts' } }),
    ).toEqual({ ...EMPTY_METRIC_FORM, ...spec, source: 'contacts' });
  });

  it('reads a ratio and a formula, and refuses what the form cannot show', () => {
    expect(
      metricFormStateOf({
        ...spec,
        definition: { type: 'ratio', numerator: 'calls', denominator: 'reps_active' },
      }),
    ).toMatchObject({ type: 'ratio', numerator: 'calls', denominator: 'reps_active' });
    expect(
      metricFormStateOf({ ...spec, definition: { type: 'formula', expression: 'a / b' } }),
    ).toMatchObject({ type: 'formula', expression: 'a / b' });
    expect(
      metricFormStateOf({
        ...spec,
        definition: { type: 'first_touch_latency', percentile: 0.5 },
      }),
    ).toBeNull();
  });

  it('round-trips through the create body', () => {
    const definition = {
      type: 'sum',
      source: 'deals',
      column: 'amount',
      filter: { segment: 'smb' },
    } as const;
    const built = buildCreateMetricBody(metricFormStateOf({ ...spec, definition })!);
    expect(built).toEqual({ ok: true, body: { ...spec, definition } });
  });
});

describe('buildMetricChanges', () => {
  const original: MetricSpec = {
    key: 'calls_per_contact',
    name: 'Calls per contact',
    description: '',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'ratio',
      numerator: 'calls',
      denominator: 'active_contacts',
      denominatorIgnores: ['channel'],
    },
  };

  it('sends everything but the key, keeping what the form does not show', () => {
    const state = { ...metricFormStateOf(original)!, name: ' Calls / contact ', key: 'renamed' };
    expect(buildMetricChanges(state, original)).toEqual({
      ok: true,
      body: {
        name: 'Calls / contact',
        description: '',
        unit: 'ratio',
        direction: 'higher_is_better',
        kind: 'output',
        definition: original.definition,
      },
    });
  });

  it('drops hidden members once the type or source changes, and names fields to fix', () => {
    const formula = buildMetricChanges(
      { ...metricFormStateOf(original)!, type: 'formula', expression: 'calls / 2' },
      original,
    );
    expect(formula.ok && formula.body.definition).toEqual({
      type: 'formula',
      expression: 'calls / 2',
    });
    const stock: MetricSpec = {
      ...original,
      definition: { type: 'count', source: 'contacts', asOf: 'period_end' },
    };
    const sameSource = buildMetricChanges(metricFormStateOf(stock)!, stock);
    expect(sameSource.ok && sameSource.body.definition).toEqual(stock.definition);
    const otherSource = buildMetricChanges(
      { ...metricFormStateOf(stock)!, source: 'deals' },
      stock,
    );
    expect(otherSource.ok && otherSource.body.definition).toEqual({
      type: 'count',
      source: 'deals',
    });
    expect(buildMetricChanges({ ...metricFormStateOf(original)!, name: '' }, original)).toEqual({
      ok: false,
      errors: { name: expect.any(String) },
    });
  });
});
