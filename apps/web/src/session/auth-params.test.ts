import { describe, expect, it } from 'vitest';
import { authParam, nextPath } from './auth-params';

describe('links from emails', () => {
  it("reads better-auth's parameter from the page's query and ours from the hash", () => {
    expect(authParam('?token=abc', '#/reset-password', 'token')).toBe('abc');
    expect(authParam('?error=INVALID_TOKEN', '#/reset-password', 'error')).toBe('INVALID_TOKEN');
    expect(authParam('', '#/sign-in?invitation=expired', 'invitation')).toBe('expired');
    expect(authParam('', '#/sign-in', 'invitation')).toBeNull();
  });

  it('goes back only to a path of this app after signing in', () => {
    expect(nextPath('next=%2Fw%2Facme%2Ftrees%2Ft1%3Fgrain%3Dweek')).toBe(
      '/w/acme/trees/t1?grain=week',
    );
    expect(nextPath('next=https%3A%2F%2Fevil.test')).toBeNull();
    expect(nextPath('next=%2F%2Fevil.test')).toBeNull();
    expect(nextPath('')).toBeNull();
  });
});
