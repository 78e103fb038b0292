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

    // One team's numbers: the tree's values change (one rounded value alone may not).
    const allValues = () => page.getByTestId('node-value').allTextContents();
    const weekValues = await allValues();
    await page.getByLabel('Filter the tree').selectOption('team=Team B');
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    await expect.poll(allValues, { timeout: 30_000 }).not.toEqual(weekValues);
    expect(await rootValue.textContent()).toMatch(/\d/);
    expect(await periodLabel.textContent()).toMatch(/^W/);

    await page.screenshot({ path: join(artifacts, 'controls-week-team-b.png') });
    await page.close();
  });

  it('marks, on each node a filter cannot slice, why it is not evaluated, and values the rest', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.server.url);
    const canvas = page.locator('main.canvas');
    const settled = () => canvas.getAttribute('aria-busy');
    const root = page.locator('.react-flow__node').filter({
      has: page.locator('.metric-node__label', { hasText: /^Activity volume per contact$/ }),
    });
    await root.getByTestId('node-value').waitFor({ timeout: 30_000 });
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    expect(await page.locator('.metric-node.has-error').count()).toBe(0);

    // The filter offers the teams and lead sources the workspace's data holds.
    const treeFilter = page.getByLabel('Filter the tree');
    await expect
      .poll(() => treeFilter.locator('option', { hasText: 'Source: Referral' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await treeFilter.locator('option', { hasText: /^Team: / }).count()).toBeGreaterThan(1);

    // Lead source is a contact dimension: selling hours (capacity, per rep) cannot take it.
    await treeFilter.selectOption('source=referral');
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    const failed = page.locator('.metric-node.has-error');
    await expect.poll(() => failed.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const total = await page.locator('.metric-node').count();
    expect(await failed.count()).toBeLessThan(total);
    const chip = failed.first().locator('.error-chip');
    expect(await chip.textContent()).toContain('not evaluated');
    expect(await chip.getAttribute('title')).toMatch(/source/i);
    // The rest of the tree still shows numbers, the root among them.
    expect(await root.getByTestId('node-value').textContent()).toMatch(/\d/);
    expect(await root.locator('.metric-node.has-error').count()).toBe(0);

    // The node's panel says why in full.
    await failed.first().click();
    await expect
      .poll(() => page.getByText('This node could not be evaluated.').count(), { timeout: 10_000 })
      .toBe(1);
    // …and shows no value, chart or facts it does not have.
    const panel = page.locator('.panel__scroll');
    expect(await panel.getByRole('region', { name: 'Values' }).count()).toBe(0);
    expect(await panel.locator('.panel__value-row').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'controls-filter-not-evaluated.png') });

    // Without the filter every node has its value again.
    await page.getByLabel('Filter the tree').selectOption('');
    await expect.poll(() => failed.count(), { timeout: 30_000 }).toBe(0);
    await page.close();
  });

  it('shows an earlier period, compares with last year, changes the motion, and keeps the controls after a reload', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(app.server.url);
    const canvas = page.locator('main.canvas');
    const settled = () => canvas.getAttribute('aria-busy');
    const periodLabel = page.locator('.period__label');
    const versus = page.locator('.period__previous');
    const root = page.locator('.react-flow__node').filter({
      has: page.locator('.metric-node__label', { hasText: /^Activity volume per contact$/ }),
    });
    const rootValue = root.getByTestId('node-value');
    const picker = page.getByLabel('Period shown');
    await rootValue.waitFor({ timeout: 30_000 });
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');

    // Monthly, the last complete month; "next" stops there.
    const latestLabel = (await periodLabel.textContent()) ?? '';
    const latestValue = (await rootValue.textContent()) ?? '';
    expect(await page.getByRole('button', { name: 'Next period' }).isDisabled()).toBe(true);
    expect(await picker.locator('option:checked').textContent()).toBe(`${latestLabel} (latest)`);

    // One month back with the arrow: the label and the numbers move, "next" comes back.
    await page.getByRole('button', { name: 'Previous period' }).click();
    await expect.poll(() => periodLabel.textContent(), { timeout: 30_000 }).not.toBe(latestLabel);
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    const earlierLabel = (await periodLabel.textContent()) ?? '';
    expect(await page.getByRole('button', { name: 'Next period' }).isDisabled()).toBe(false);
    // Two months back with the list: another period again, other numbers.
    const third = (await picker.locator('option').nth(2).textContent()) ?? '';
    await picker.selectOption({ index: 2 });
    await expect.poll(() => periodLabel.textContent(), { timeout: 30_000 }).toBe(third);
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    expect(third).not.toBe(earlierLabel);
    expect(await rootValue.textContent()).toMatch(/\d/);
    expect(await rootValue.textContent()).not.toBe(latestValue);
    const [, month, year] = /^(\w{3}) (\d{4})$/.exec(third) ?? [];
    expect(month, third).toBeDefined();
    expect(await versus.textContent()).not.toBe(`vs ${month} ${Number(year) - 1}`);

    // Against the same month last year: the "vs" names it.
    await page.getByLabel('Compare with').selectOption('year');
    await expect
      .poll(() => versus.textContent(), { timeout: 30_000 })
      .toBe(`vs ${month} ${Number(year) - 1}`);
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    expect(await periodLabel.textContent()).toBe(third);
    await page.screenshot({ path: join(artifacts, 'controls-earlier-vs-last-year.png') });

    // The address names the controls; a reload keeps them.
    expect(new URL(page.url()).hash).toMatch(
      /^#\/w\/demo\/trees\/[\w-]+\?at=\d{4}-\d{2}-01&compare=year$/,
    );
    await page.reload();
    await rootValue.waitFor({ timeout: 30_000 });
    await expect.poll(() => periodLabel.textContent(), { timeout: 30_000 }).toBe(third);
    expect(await versus.textContent()).toBe(`vs ${month} ${Number(year) - 1}`);
    expect(await page.getByLabel('Compare with').inputValue()).toBe('year');

    // A week grain keeps the focus in that month: the week holding its last day.
    await page.getByRole('button', { name: 'Week' }).click();
    await expect.poll(() => periodLabel.textContent(), { timeout: 30_000 }).toMatch(/^W\d{2} /);
    await expect.poll(settled, { timeout: 30_000 }).toBe('false');
    expect(await page.getByRole('button', { name: 'Next period' }).isDisabled()).toBe(false);
    expect(new URL(page.url()).hash).toContain('grain=week');
    await page.reload();
    await rootValue.waitFor({ timeout: 30_000 });
    await expect.poll(() => periodLabel.textContent(), { timeout: 30_000 }).toMatch(/^W\d{2} /);

    // The motion in the top bar: the root's benchmark band follows at once, as an unsaved edit.
    const band = root.locator('.band-bar');
    await expect
      .poll(() => band.getAttribute('aria-label'), { timeout: 30_000 })
      .toContain('Mid-market outbound');
    const motion = page.getByLabel('Benchmark motion');
    expect(await motion.inputValue()).toBe('mid_market_outbound');
    await motion.selectOption('enterprise_pursuit');
    await expect
      .poll(() => band.getAttribute('aria-label'), { timeout: 10_000 })
      .toContain('Enterprise pursuit');
    expect(await band.getAttribute('aria-label')).toMatch(/ 12(\.00)?–open: /);
    expect(await page.getByTestId('save-state').textContent()).toMatch(/unsaved/i);
    await page.screenshot({ path: join(artifacts, 'controls-motion-enterprise.png') });
    // Undo takes it back like any edit (the shortcut works outside form fields).
    await motion.blur();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => band.getAttribute('aria-label'), { timeout: 10_000 })
      .toContain('Mid-market outbound');
    expect(await motion.inputValue()).toBe('mid_market_outbound');
    await page.close();
  });
});
