import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

const VIEWPORT = { width: 1440, height: 900 };

async function openApp(page: Page, url: string, errors: string[]) {
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.getByTestId('metric-node').first().waitFor({ timeout: 60_000 });
}

describe('a revenue lead checks whether what the teams changed worked', () => {
  const app = appInChromium('interventions');

  it("opens the demo's cadence intervention: verified, its sentence, the chart and the effect", async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    await openApp(page, app.server.url, errors);
    // The canvas flags the node the intervention targets.
    await page.getByTestId('node-intervention-flag').first().waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Interventions', exact: true }).click();
    const rows = page.getByTestId('intervention-row');
    await rows.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'interventions-list.png') });
    await page.getByRole('link', { name: 'Tightened call cadence' }).click();

    await page
      .getByRole('main')
      .getByRole('heading', { name: /Tightened call cadence/, level: 1 })
      .waitFor();
    expect(await page.getByTestId('verdict-chip').first().textContent()).toBe('Verified');
    expect(await page.getByTestId('verdict-sentence').textContent()).toMatch(
      /rose by .* \(95% CI .* to .*\) against the other teams/,
    );
    // The weekly series: treated and comparison lines, the start marked.
    const chart = page.getByTestId('intervention-chart');
    await chart.locator('.recharts-line-curve').nth(1).waitFor({ timeout: 30_000 });
    expect(await chart.locator('.recharts-reference-line').count()).toBe(1);
    expect(await chart.textContent()).toContain('Start');
    // The effect with its interval as a picture, and its numbers and checks.
    expect(await page.getByTestId('effect-interval').getAttribute('aria-label')).toMatch(
      /^Effect \+[\d.]+ a week, 95% interval \+[\d.]+ to \+[\d.]+/,
    );
    expect(await page.getByTestId('verdict-effect').textContent()).toMatch(/^\+\d/);
    expect(await page.getByText(/No trend before the start: passed/).count()).toBe(1);
    expect(await page.getByText(/Nothing at a false start date: passed/).count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'intervention-verified.png') });
    await page.getByTestId('effect-interval').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'intervention-verified-effect.png') });
    expect(errors).toEqual([]);
  });

  it('logs an intervention through the form: field errors first, then it is listed', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    await openApp(page, app.server.url, errors);
    await page.getByRole('button', { name: 'Interventions', exact: true }).click();
    await page.getByRole('link', { name: 'Log intervention' }).click();
    await page.getByRole('main').getByRole('heading', { name: 'Log an intervention' }).waitFor();

    // Sending it empty names each field to fill.
    await page.getByRole('button', { name: 'Log intervention' }).click();
    await page.getByText('Give it a title').waitFor();
    expect(await page.getByText('Choose who owns it').count()).toBe(1);
    expect(await page.getByText('Pick at least one treated value').count()).toBe(1);

    await page.getByLabel('Title', { exact: true }).fill('Friday call blitz');
    await page.getByLabel('Owner', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Start date').fill('2026-10-05');
    await page.getByLabel('Tree', { exact: true }).selectOption({ index: 1 });
    const target = page.getByLabel('Target node', { exact: true });
    await expect
      .poll(() => target.locator('option').count(), { timeout: 30_000 })
      .toBeGreaterThan(2);
    await target.selectOption({ index: 1 });
    await page.getByLabel(/Smallest change worth having/).fill('0.1');
    await page.getByRole('checkbox', { name: 'Team B' }).check();
    // Comparing with chosen values that overlap is impossible in the form: Team B is taken.
    await page.getByLabel('Compare with').selectOption('chosen');
    const comparison = page.getByRole('group', { name: 'Comparison scope' });
    expect(await comparison.getByRole('checkbox', { name: 'Team B' }).isDisabled()).toBe(true);
    await comparison.getByRole('checkbox', { name: 'Team C' }).check();
    await page.screenshot({ path: join(artifacts, 'intervention-form.png') });
    await page.getByRole('button', { name: 'Log intervention' }).click();

    await page
      .getByRole('main')
      .getByRole('heading', { name: /Friday call blitz/, level: 1 })
      .waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'All interventions' }).click();
    await page.getByRole('link', { name: 'Friday call blitz' }).waitFor();
    expect(await page.getByTestId('intervention-row').count()).toBe(3);
    expect(errors).toEqual([]);
  });
});
