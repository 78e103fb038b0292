import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

/** The node card on the canvas whose label is `label`. */
const nodeCard = (page: Page, label: string) =>
  page.locator('.react-flow__node').filter({
    has: page.locator('.metric-node__label', { hasText: new RegExp(`^${label}$`) }),
  });

/** The rows of the metric page's split table, as their first cell's text. */
const splitLabels = (page: Page) => page.getByTestId('split-row').locator('th').allTextContents();

describe('a revenue lead reads a metric over time and by its parts', () => {
  const app = appInChromium('metric-page');

  it('opens a metric page from the catalog: line chart, summary, split by channel then segment, weeks', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(app.server.url);
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Metrics', exact: true }).click();
    await page.getByLabel('Search metrics by name or key').fill('activity volume per contact');
    await page.locator('[data-metric-key="activity_per_contact"]').click();
    await page.getByRole('link', { name: 'Open metric page' }).click();

    expect(new URL(page.url()).hash).toBe('#/w/demo/metrics/activity_per_contact');
    await page.getByRole('heading', { name: 'Activity volume per contact', level: 2 }).waitFor();

    // The line is drawn (recharts, loaded on demand) with a point per month.
    const chart = page.getByTestId('metric-line-chart');
    await chart.locator('.recharts-line-curve').waitFor({ timeout: 30_000 });
    await chart.getByText('Show as a table').click();
    expect(await chart.locator('tbody tr').count()).toBe(12);

    // The summary: the current month against the previous one, with the change.
    const current = await page.getByTestId('summary-current').textContent();
    expect(current).toMatch(/Current · \w{3} \d{4} \(to date\)\d+\.\d{2}/);
    expect(await page.getByTestId('summary-previous').textContent()).toMatch(/\d+\.\d{2}$/);
    expect(await page.getByTestId('summary-change').textContent()).toMatch(
      /[+-]\d+\.\d{2}[+-]\d+\.\d%/,
    );

    // Split by channel (the default for an activity metric): bars, a pie and the table.
    await page.getByTestId('split-row').first().waitFor({ timeout: 30_000 });
    expect(await splitLabels(page)).toEqual(
      expect.arrayContaining(['Call', 'Email', 'Meeting', 'Social', 'Task']),
    );
    await page.getByTestId('split-bar-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('split-pie-chart').locator('.recharts-pie-sector').first().waitFor();
    // Channels add up to the total (a channel's activities ÷ all active contacts): shares.
    expect(await page.getByTestId('split-table').locator('thead').textContent()).toContain('Share');
    await page.screenshot({ path: join(artifacts, 'metric-page-channel.png') });

    // Another dimension: segment.
    await page.getByLabel('Split by', { exact: true }).selectOption('segment');
    await expect
      .poll(() => splitLabels(page), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['SMB', 'Mid-market', 'Enterprise']));
    expect(await page.getByRole('heading', { name: 'Split by segment' }).isVisible()).toBe(true);

    // Another grain: weeks, with its own range; every number is then per week.
    const periodLabels = () => chart.locator('tbody th').allTextContents();
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    expect(await page.getByLabel('Range').inputValue()).toBe('13');
    await page
      .getByRole('heading', { name: 'Over the last 13 weeks' })
      .waitFor({ timeout: 30_000 });
    const weeks = await periodLabels();
    expect(weeks).toHaveLength(13);
    for (const label of weeks) expect(label).toMatch(/^W\d{1,2} \d{4}/);
    expect(await page.getByTestId('summary-current').textContent()).toMatch(/Current · W\d{1,2}/);
    await page.getByLabel('Range').selectOption('8');
    await page.getByRole('heading', { name: 'Over the last 8 weeks' }).waitFor({ timeout: 30_000 });
    expect(await periodLabels()).toEqual(weeks.slice(5));
    // The split follows: per week, still by segment.
    await expect
      .poll(() => page.getByTestId('split-table').locator('thead').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/W\d{1,2} \d{4}/);
    expect(await splitLabels(page)).toEqual(
      expect.arrayContaining(['SMB', 'Mid-market', 'Enterprise']),
    );
    await page.screenshot({ path: join(artifacts, 'metric-page-weeks.png') });

    // A stock: contacts (total) has its net new, the period's change of the stock.
    await page.getByRole('button', { name: 'All metrics' }).click();
    await page.getByLabel('Search metrics by name or key').fill('contacts_total');
    await page.locator('[data-metric-key="contacts_total"]').click();
    await page.getByRole('link', { name: 'Open metric page' }).click();
    await page.getByRole('heading', { name: 'Contacts (total)', level: 2 }).waitFor();
    const netNew = page.getByTestId('summary-net-new');
    await netNew.waitFor({ timeout: 30_000 });
    expect(await netNew.textContent()).toMatch(/Net new this period\+[\d,]+/);
    // Contacts have no channel: the split starts at source.
    await page.getByTestId('split-row').first().waitFor({ timeout: 30_000 });
    const dimensions = await page
      .getByLabel('Split by', { exact: true })
      .locator('option')
      .allTextContents();
    expect(dimensions).not.toContain('Channel');
    expect(dimensions).toEqual(expect.arrayContaining(['Source', 'Segment', 'Lifecycle stage']));
    await page.getByLabel('Split by', { exact: true }).selectOption('lifecycle_stage');
    await expect
      .poll(() => splitLabels(page), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['Customer']));
    await page.screenshot({ path: join(artifacts, 'metric-page-contacts.png') });

    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a node's line chart and splits in the panel, and opens its metric page", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(app.server.url);
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });

    await nodeCard(page, 'Activity volume per contact').locator('.metric-node__label').click();
    const panel = page.getByRole('complementary', { name: 'Details' });
    const line = panel.getByTestId('node-line-chart');
    await line.locator('.recharts-line-curve').waitFor({ timeout: 30_000 });

    // Activity metric: split by channel as bars; by source (a select) as a pie.
    const channels = panel.getByTestId('node-channel-chart');
    await channels.locator('.recharts-bar-rectangle').first().waitFor({ timeout: 30_000 });
    const split = panel.getByTestId('node-split-chart');
    await split.locator('.recharts-pie-sector').first().waitFor({ timeout: 30_000 });
    expect(await split.locator('.node-chart__legend li').count()).toBeGreaterThan(2);
    await split.getByLabel('Split the node by').selectOption('segment');
    await expect
      .poll(() => split.locator('.node-chart__legend').textContent(), { timeout: 30_000 })
      .toContain('SMB');
    await page.screenshot({ path: join(artifacts, 'node-panel-charts.png') });

    await panel.getByRole('link', { name: 'Open metric page' }).click();
    expect(new URL(page.url()).hash).toBe('#/w/demo/metrics/activity_per_contact');
    await page.getByTestId('metric-line-chart').waitFor({ timeout: 30_000 });

    // Back in the browser returns to the canvas, the node still selected.
    await page.goBack();
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });
    await panel.getByTestId('node-line-chart').waitFor({ timeout: 30_000 });

    // A node filtered to one channel is not split by channel again; by source it still is.
    await nodeCard(page, 'Calls per contact').locator('.metric-node__label').click();
    await expect
      .poll(() => panel.getByLabel('Node label').inputValue(), { timeout: 10_000 })
      .toBe('Calls per contact');
    await panel.getByTestId('node-split-chart').waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('node-channel-chart').count()).toBe(0);
    await page.close();
  });
});
