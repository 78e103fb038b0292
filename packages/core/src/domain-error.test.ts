import { describe, expect, it } from 'vitest';
import { DOMAIN_ERRORS, DomainError, isDomainError, notFound } from './domain-error';

describe('the domain error family', () => {
  it('gives every code a status and a title, and nothing else decides them', () => {
    for (const [code, { status, title }] of Object.entries(DOMAIN_ERRORS)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect([400, 401, 403, 404, 409, 413, 415, 422, 429, 503]).toContain(status);
      expect(title.length).toBeGreaterThan(3);
    }
    const error = new DomainError('tree_version_conflict', 'stale');
    expect(error.status).toBe(409);
    expect(error.title).toBe('The tree changed since you read it');
  });

  it('lets one error name a more precise title without changing its status', () => {
    const error = notFound('Tree', 'abc');
    expect(isDomainError(error, 'not_found')).toBe(true);
    expect(error.status).toBe(404);
    expect(error.title).toBe('Tree not found');
    expect(error.message).toBe('No tree with id abc in this workspace.');
  });

  it('refuses an unknown code at compile time', () => {
    // @ts-expect-error a code outside DOMAIN_ERRORS does not typecheck
    const error = new DomainError('made_up_code', 'x');
    expect(error.code).toBe('made_up_code');
  });
});
