import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

describe('the period controls of the tree canvas', () => {
  const app = appInChromium('controls');

  it('re-reads the tree at another grain and for one team', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.server.url);
    // The root is selected when a tree loads; its value is the tree's headline number.
    const rootValue = page.locator('.metric-node.is-selected').getByTestId('node-value');
    const periodLabel = page.locator('.period__label');
    const canvas = page.locator('main.canvas');
    const settled = () => canvas.getAttribute('aria-busy');

    await rootValue.waitFor({ timeout: 30_000 });
    const monthValue = (await rootValue.textContent()) ?? '';
    const monthLabel = (await periodLabel.textContent()) ?? '';
    expect(monthValue).toMatch(/\d/);
    expect(monthLabel).not.toMatch(/^W/);

    await page.getByRole('button', { name: 'Week' }).click();
    await expect.poll(() => periodLabel.textContent(), { timeout: 30_000 }).toMatch(/^W/);
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    expect(await page.getByRole('button', { name: 'Week' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    const weekValue = (await rootValue.textContent()) ?? '';
    expect(weekValue).toMatch(/\d/);

    await page.getByLabel('Filter the tree').selectOption('team=Team B');
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    await expect.poll(() => rootValue.textContent(), { timeout: 30_000 }).not.toBe(weekValue);
    expect(await rootValue.textContent()).toMatch(/\d/);
    expect(await periodLabel.textContent()).toMatch(/^W/);

    await page.screenshot({ path: join(artifacts, 'controls-week-team-b.png') });
    await page.close();
  });
});
