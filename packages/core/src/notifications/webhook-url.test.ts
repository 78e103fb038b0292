import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhook-url';

describe('webhookUrlProblem', () => {
  it('accepts public http and https URLs', () => {
    expect(webhookUrlProblem('https://hooks.slack.com/services/T/B/x')).toBeNull();
    expect(webhookUrlProblem('http://93.184.216.34/hook')).toBeNull();
  });
  it('refuses other schemes and non-URLs, demo or not', () => {
    expect(webhookUrlProblem('ftp://example.com/x', { allowPrivate: true })).toMatch(/ftp:/);
    expect(webhookUrlProblem('javascript:alert(1)')).toMatch(/http/);
    expect(webhookUrlProblem('hooks.example.com')).toMatch(/Not a URL/);
  });
  it.each([
    ['http://127.0.0.1:9/x', 'loopback'],
    ['http://localhost:3000/x', 'local name'],
    ['http://[::1]/x', 'loopback'],
    ['http://10.1.2.3/x', 'private'],
    ['http://172.20.0.1/x', 'private'],
    ['http://192.168.1.10/x', 'private'],
    ['http://169.254.169.254/latest/meta-data', 'link-local'],
    ['http://[fe80::1]/x', 'link-local'],
    ['http://[fd00::5]/x', 'private'],
    ['http://[::ffff:10.0.0.1]/x', 'private'],
  ])('refuses %s (%s) with the reason', (url, kind) => {
    expect(webhookUrlProblem(url)).toContain(kind);
    expect(webhookUrlProblem(url, { allowPrivate: true })).toBeNull();
  });
  it('does not mistake a public 172.x address for a private one', () => {
    expect(webhookUrlProblem('http://172.32.0.1/x')).toBeNull();
  });
});
