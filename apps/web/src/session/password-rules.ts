/**
 * What a new password must be before it is sent: as long as the server asks
 * (packages/auth: better-auth's minimum), and typed the same twice. The server checks
 * again; this only says it sooner, beside the field.
 */

export const MIN_PASSWORD_LENGTH = 10;

/**
 * @example passwordIssue('short', 'short') // 'At least 10 characters (5 so far).'
 * @example passwordIssue('long enough!', 'long enough!') // undefined
 */
export function passwordIssue(password: string, confirm: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `At least ${MIN_PASSWORD_LENGTH} characters (${password.length} so far).`;
  }
  if (password.length > 128) return 'At most 128 characters.';
  if (confirm !== password) return 'The two passwords differ.';
  return undefined;
}
