/**
 * Accounts in Chromium, on a server with nothing open (TREELINE_DEMO=0 on PGlite) whose
 * email goes to an in-process SMTP inbox: the first-run page makes the admin, who invites
 * an editor and a viewer, makes an API token and signs out; a wrong password and an unknown
 * email read the same; the editor follows the emailed link, sets a password and builds a
 * tree; the viewer reads it with no edit controls. Then the demo: its badge and View as.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestInbox, type TestInbox } from '@treeline/notify/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';
import { type ServerRun, startBuiltServer } from './built-server';
import { launchChromium } from './chromium';

const VIEWPORT = { width: 1440, height: 900 };
const ADMIN = { name: 'Ada Admin', email: 'ada@example.com', password: 'first admin password' };
const TREE_NAME = 'Eddie’s pipeline tree';

describe('accounts on a server that is not the demo', () => {
  let dataDir: string;
  let inbox: TestInbox;
  let server: ServerRun;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'treeline-accounts-'));
    inbox = await startTestInbox();
    server = await startBuiltServer({
      TREELINE_DATA_DIR: dataDir,
      TREELINE_DEMO: '0',
      SMTP_URL: inbox.url,
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await inbox?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** The link in the newest invitation to `email`. */
  async function invitationLink(email: string): Promise<string> {
    const mail = await inbox.next(email, 30_000);
    expect(mail.subject).toContain('invited you to');
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    if (!link) throw new Error(`no link in the invitation:\n${mail.text}`);
    return link;
  }

  const fresh = async (): Promise<Page> =>
    (await browser.newContext({ viewport: VIEWPORT })).newPage();

  it('refuses anonymous API calls and opens the first-run page', async () => {
    expect((await fetch(`${server.url}/api/trees`)).status).toBe(401);
    const page = await fresh();
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Set up Treeline' }).waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('#/setup');
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByLabel('Workspace name').fill('Acme Revenue');
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await page.getByText('No trees in this workspace yet').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toMatch(/^#\/w\/[\w-]+\/trees/);
    // Once an account exists the first-run page is closed.
    const again = await fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ name: 'Mallory', email: 'm@example.com', password: 'x'.repeat(12) }),
    });
    expect(again.status).toBe(409);

    // People: invite an editor and a viewer.
    await page.getByRole('button', { name: 'People' }).click();
    const invite = page.getByRole('form', { name: 'Invite a person' });
    for (const [name, email, role] of [
      ['Eddie Editor', 'eddie@example.com', 'editor'],
      ['Vera Viewer', 'vera@example.com', 'viewer'],
    ] as const) {
      await invite.getByLabel('Name', { exact: true }).fill(name);
      await invite.getByLabel('Email', { exact: true }).fill(email);
      await invite.getByLabel('Role', { exact: true }).selectOption(role);
      await invite.getByRole('button', { name: 'Invite' }).click();
      await page.getByText(`Invitation sent to ${email}.`).waitFor({ timeout: 30_000 });
      await page.locator(`tr[data-person="${email}"]`, { hasText: 'Invited' }).waitFor();
    }
    // The last admin cannot make themself an editor: the refusal is shown on their row.
    await page.getByLabel(`Role of ${ADMIN.name}`).selectOption('editor');
    await page.getByRole('alert').filter({ hasText: /admin/i }).waitFor({ timeout: 30_000 });
    await page.reload();
    await page.getByLabel(`Role of ${ADMIN.name}`).waitFor();
    expect(await page.getByLabel(`Role of ${ADMIN.name}`).inputValue()).toBe('admin');
    await page.screenshot({ path: join(artifacts, 'accounts-people.png') });

    // API tokens: the secret once, with a copy button; then the list with its last use.
    await page.getByRole('button', { name: 'API tokens' }).click();
    await page.getByLabel('Name', { exact: true }).fill('CRM sync');
    await page.getByLabel(/Read and write/).check();
    await page.getByRole('button', { name: 'Make token' }).click();
    const secret = page.getByLabel('Token secret');
    await secret.waitFor({ timeout: 30_000 });
    const key = await secret.inputValue();
    expect(key).toMatch(/^tl_/);
    await page.getByRole('button', { name: 'Copy' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'accounts-tokens.png') });
    expect(
      (await fetch(`${server.url}/api/trees`, { headers: { authorization: `Bearer ${key}` } }))
        .status,
    ).toBe(200);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => secret.count()).toBe(0);
    await page.reload();
    const row = page.locator('tr[data-token="CRM sync"]');
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('Read and write');
    expect(await row.textContent()).not.toContain('Never');

    // Account, then sign out.
    await page.getByRole('button', { name: /^Your account/ }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor({ timeout: 30_000 });
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(ADMIN.name);
    await page.screenshot({ path: join(artifacts, 'accounts-account.png') });
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    expect((await fetch(`${server.url}/api/trees`)).status).toBe(401);
    await page.context().close();
  });

  it('answers a wrong password and an unknown email alike, and signs the admin in', async () => {
    const page = await fresh();
    await page.goto(`${server.url}/#/w/acme-revenue/people`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    const refusals: string[] = [];
    for (const [email, password] of [
      [ADMIN.email, 'not the password'],
      ['nobody@example.com', 'not the password'],
    ] as const) {
      // A fresh page each time, so the answer read is this attempt's.
      await page.reload();
      await page.getByLabel('Email', { exact: true }).fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      refusals.push((await page.getByRole('alert').textContent({ timeout: 30_000 })) ?? '');
    }
    expect(refusals[0]).toContain('do not match an account');
    expect(refusals[1]).toBe(refusals[0]);
    await page.screenshot({ path: join(artifacts, 'accounts-sign-in.png') });
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByLabel('Email', { exact: true }).fill(ADMIN.email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back at the address asked for: the workspace's People.
    await page.locator('tr[data-person="eddie@example.com"]').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toMatch(/^#\/w\/[\w-]+\/people$/);
    await page.context().close();
  });

  it('resets a forgotten password by the emailed link, which works once', async () => {
    const page = await fresh();
    await page.goto(`${server.url}/#/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.getByText(`If ${ADMIN.email} has an account`).waitFor({ timeout: 30_000 });
    const mail = await inbox.next(ADMIN.email, 30_000);
    expect(mail.subject).toBe('Reset your Treeline password');
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0] ?? '';
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor({ timeout: 30_000 });
    // The one-time token has left the address.
    expect(new URL(page.url()).search).toBe('');
    ADMIN.password = 'second admin password';
    await page.getByLabel('New password').fill(ADMIN.password);
    await page.getByLabel('Repeat it').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'Password changed' }).waitFor({ timeout: 30_000 });
    await page.goto(link);
    await page.getByRole('heading', { name: 'This link no longer works' }).waitFor({
      timeout: 30_000,
    });
    // Signing in with the new password is left out: the sign-in rate limit (a few tries
    // per address in seconds) was spent by the test before.
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('lets the invited editor set a password and build a tree', async () => {
    const page = await fresh();
    await page.goto(await invitationLink('eddie@example.com'));
    const welcome = page.getByTestId('invitation-welcome');
    await welcome.waitFor({ timeout: 30_000 });
    expect(await welcome.textContent()).toContain('You joined as an editor');
    await welcome.getByLabel('Password', { exact: true }).fill('eddie password 1');
    await welcome.getByLabel('Repeat it').fill('eddie password 1');
    await welcome.getByRole('button', { name: 'Set password' }).click();
    await welcome.waitFor({ state: 'detached', timeout: 30_000 });
    // An editor sees People but does not manage it, and has no API tokens.
    expect(await page.getByRole('button', { name: 'API tokens' }).count()).toBe(0);

    await page.getByRole('button', { name: 'New tree' }).first().click();
    const dialog = page.getByRole('form', { name: 'New tree' });
    await dialog.locator('.choice', { hasText: 'Activity volume per contact' }).click();
    await dialog.getByLabel(/^Name/).fill(TREE_NAME);
    await dialog.getByRole('button', { name: 'Create tree' }).click();
    await page.getByRole('heading', { level: 1, name: TREE_NAME }).waitFor({ timeout: 30_000 });
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });
    // An edit, saved: the selected top node's label.
    await page.getByRole('toolbar', { name: 'Tree editing' }).waitFor();
    await page.getByTestId('metric-node').first().click();
    const panel = page.getByRole('complementary', { name: 'Details' });
    await panel.getByLabel('Node label').fill('Meeting rate (Eddie)');
    await panel.getByLabel('Node label').press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('save-state').textContent(), { timeout: 30_000 })
      .toMatch(/Saved\s*v2/);
    await page.context().close();
  });

  it('shows the viewer the tree with no edit controls', async () => {
    const page = await fresh();
    await page.goto(await invitationLink('vera@example.com'));
    const welcome = page.getByTestId('invitation-welcome');
    await welcome.waitFor({ timeout: 30_000 });
    await welcome.getByRole('button', { name: 'Later' }).click();
    await page.locator('.tree-list__item', { hasText: TREE_NAME }).click();
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('view-only').first().waitFor();
    expect(await page.getByRole('toolbar', { name: 'Tree editing' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New tree' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: `Delete ${TREE_NAME}` }).count()).toBe(0);
    await page.getByTestId('metric-node').first().click();
    const panel = page.getByRole('complementary', { name: 'Details' });
    await panel.getByLabel('Node label').waitFor();
    expect(await panel.getByLabel('Node label').inputValue()).toBe('Meeting rate (Eddie)');
    expect(await panel.getByLabel('Node label').getAttribute('readonly')).not.toBeNull();
    await page.screenshot({ path: join(artifacts, 'accounts-viewer-tree.png') });
    // The API agrees: the viewer's session cannot write.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const write = await fetch(`${server.url}/api/trees`, {
      method: 'POST',
      headers: { cookie, origin: server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Not mine to make', templateKey: null }),
    });
    expect(write.status).toBe(403);
    await page.context().close();
  });
});

describe('the demo', () => {
  const app = appInChromium('demo-accounts');

  it('says it is the demo and switches to any demo person without a password', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await page.goto(app.server.url);
    // The first view of a fresh demo is computed cold, on a machine that may be busy.
    await page.getByTestId('metric-node').first().waitFor({ timeout: 90_000 });
    expect(new URL(page.url()).hash).toMatch(/^#\/w\/demo\/trees\//);
    await page.getByText('Demo mode').waitFor();
    const me = page.getByRole('button', { name: /^Your account/ });
    expect(await me.textContent()).toContain('Admin');
    expect(await page.getByRole('toolbar', { name: 'Tree editing' }).count()).toBe(1);

    const viewAs = page.getByLabel('View as');
    const viewer = viewAs.locator('option', { hasText: 'Viewer' }).first();
    const viewerName = ((await viewer.textContent()) ?? '').split(' · ')[0] ?? '';
    await viewAs.selectOption((await viewer.getAttribute('value')) ?? '');
    await page.getByTestId('view-only').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => me.textContent(), { timeout: 30_000 }).toContain(viewerName);
    expect(await me.textContent()).toContain('Viewer');
    expect(await page.getByRole('toolbar', { name: 'Tree editing' }).count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'accounts-demo-view-as.png') });
    await page.close();
  });
});
