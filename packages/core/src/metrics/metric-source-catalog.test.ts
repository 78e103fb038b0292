// Tests for the source catalog: default timestamps, and errors naming what fits.

import { describe, expect, it } from 'vitest';
import { thrownDomainError } from '../domain-error.test-helpers';
import { metricSourceSpec, resolveMeasureColumn, resolveTimeColumn } from './metric-source-catalog';

const messageOf = (run: () => unknown): string => {
  const error = thrownDomainError(run);
  expect(error.code).toBe('invalid_metric');
  return error.message;
};

describe('the source catalog', () => {
  it('places rows by the first timestamp unless told', () => {
    expect(resolveTimeColumn('contacts', undefined)).toBe('created_at');
    expect(resolveTimeColumn('contacts', 'customer_at')).toBe('customer_at');
    expect(resolveMeasureColumn('deals', 'amount', true)).toBe('amount');
    expect(resolveMeasureColumn('deals', 'id', false)).toBe('id');
  });

  it('names the source, timestamps and columns that fit', () => {
    expect(messageOf(() => metricSourceSpec('planets'))).toBe(
      'unknown source "planets"; known: activities, contacts, deals, capacity, engagement_events',
    );
    expect(messageOf(() => resolveTimeColumn('deals', 'whenever'))).toBe(
      'deals cannot be placed in periods by "whenever"; use one of created_at, closed_at',
    );
    expect(messageOf(() => resolveMeasureColumn('deals', 'id', true))).toBe(
      'deals has no numeric column "id"; use one of amount',
    );
    expect(messageOf(() => resolveMeasureColumn('capacity', 'toString', false))).toBe(
      'capacity has no column "toString"; use one of rep_id, selling_hours, admin_hours',
    );
  });
});
