/**
 * Movement alerts in the demo, in Chromium: the planted email outage of the last complete
 * week is in the inbox of the emails branch's Accountable owner (switched to with "View
 * as"); they open it, acknowledge it, and the rail's and the node card's counts go. Then an
 * editor tunes the node's alert rule in the panel: a value out of range is refused on its
 * field, a valid one is saved with the tree and still there after a reload, and a viewer
 * reads the rule without controls.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

const VIEWPORT = { width: 1440, height: 900 };
const EMAILS = 'Emails per contact';

const nodeCard = (page: Page, label: string) =>
  page.locator('.react-flow__node').filter({
    has: page.locator('.metric-node__label', { hasText: new RegExp(`^${label}$`) }),
  });

const railItem = (page: Page, label: string) =>
  page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${label}`) });

/** Switches the demo to the person whose option starts with `name`. */
async function viewAs(page: Page, name: string) {
  const select = page.getByLabel('View as');
  const option = select.locator('option', { hasText: name }).first();
  await select.selectOption((await option.getAttribute('value')) ?? '');
  await expect
    .poll(() => page.getByRole('button', { name: /^Your account/ }).textContent(), {
      timeout: 30_000,
    })
    .toContain(name);
}

describe('movement alerts in the demo', () => {
  const app = appInChromium('alerts');

  it("reaches the emails branch's owner, who opens and acknowledges it, and the counts go", async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await page.goto(app.server.url);
    // The first view of a fresh demo is computed cold, on a machine that may be busy.
    await page.getByTestId('metric-node').first().waitFor({ timeout: 90_000 });
    await viewAs(page, 'Priya Nair');

    // The worker checks the seeded tree after start; the alert arrives live.
    const card = nodeCard(page, EMAILS);
    await card.getByTestId('node-alert-badge').waitFor({ timeout: 120_000 });
    expect(await card.getByTestId('node-alert-badge').textContent()).toBe('1');
    await expect.poll(() => railItem(page, 'My branches').textContent()).toContain('1');

    await railItem(page, 'Inbox').click();
    const item = page.getByRole('button', { name: /Emails per contact fell/ }).first();
    await item.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('inbox-unread').textContent()).toMatch(/^\d+ unread$/);
    await page.screenshot({ path: join(artifacts, 'alerts-inbox.png') });

    await item.click();
    const title = page.getByRole('heading', { level: 1, name: /^Emails per contact fell/ });
    await title.waitFor();
    expect(await page.getByTestId('alert-status').textContent()).toBe('Open');
    // Routed to the emails branch's owner, not the root's.
    expect(await page.locator('main').textContent()).toContain('Priya Nair');
    await page.screenshot({ path: join(artifacts, 'alerts-detail.png') });

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => page.getByTestId('alert-status').textContent()).toMatch(/Acknowledged/);
    // Nothing of Priya's is open any more: the rail's count goes.
    await expect
      .poll(() => railItem(page, 'My branches').textContent(), { timeout: 15_000 })
      .toBe('My branches');

    await railItem(page, 'My branches').click();
    await page.locator('#branches-title').waitFor();
    await page.locator('main').getByText(EMAILS).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'alerts-my-branches.png') });

    await railItem(page, 'Trees').click();
    await nodeCard(page, EMAILS).waitFor({ timeout: 30_000 });
    await expect
      .poll(() => nodeCard(page, EMAILS).getByTestId('node-alert-badge').count(), {
        timeout: 15_000,
      })
      .toBe(0);
    await page.close();
  }, 300_000);

  it("edits a node's alert rule in the panel: refused on its field, saved with the tree, read-only for a viewer", async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await page.goto(app.server.url);
    await page.getByTestId('metric-node').first().waitFor({ timeout: 90_000 });
    await viewAs(page, 'Jordan Reyes');
    await nodeCard(page, EMAILS).click();
    const panel = page.getByRole('complementary', { name: 'Details' });
    const rule = panel.getByTestId('alert-rule');
    await rule.scrollIntoViewIfNeeded();

    // The defaults are the placeholders; emails per contact is a ratio, so its denominator counts.
    const least = rule.getByLabel('Least change');
    expect(await least.getAttribute('placeholder')).toBe('10');
    expect(await rule.getByLabel('Spike z-score').getAttribute('placeholder')).toBe('3.5');
    expect(await rule.getByLabel('Denominator').getAttribute('placeholder')).toBe('30');

    // Out of range: the API refuses it, and says so on the field.
    await least.fill('5000');
    await least.press('Enter');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await rule.getByText(/minChangePct/).waitFor({ timeout: 15_000 });
    expect(await least.getAttribute('aria-invalid')).toBe('true');

    await least.fill('20');
    await least.press('Enter');
    await rule.getByLabel('Monthly').check();
    await rule.getByLabel('Baseline').fill('26');
    await rule.getByLabel('Baseline').press('Enter');
    expect(await least.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Saved/);
    await rule.screenshot({ path: join(artifacts, 'alerts-rule-editor.png') });
    await page.screenshot({ path: join(artifacts, 'alerts-rule-panel.png') });

    await page.reload();
    await nodeCard(page, EMAILS).click();
    const again = page.getByRole('complementary', { name: 'Details' }).getByTestId('alert-rule');
    await again.waitFor();
    expect(await again.getByLabel('Least change').inputValue()).toBe('20');
    expect(await again.getByLabel('Baseline').inputValue()).toBe('26');
    expect(await again.getByLabel('Monthly').isChecked()).toBe(true);
    expect(await again.getByLabel('Weekly').isChecked()).toBe(true);
    expect(await again.textContent()).toContain('Checked weekly and monthly');

    // A viewer reads the rule; the fields are disabled, and the panel says why.
    await viewAs(page, 'Viewer');
    await nodeCard(page, EMAILS).click();
    const read = page.getByRole('complementary', { name: 'Details' }).getByTestId('alert-rule');
    await read.waitFor();
    expect(await read.getByLabel('Least change').inputValue()).toBe('20');
    expect(await read.getByLabel('Least change').isDisabled()).toBe(true);
    expect(await page.getByTestId('view-only').first().textContent()).toContain('View only');
    await page.close();
  }, 300_000);
});
