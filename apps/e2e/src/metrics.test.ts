import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

describe('a revenue lead defines a custom metric', () => {
  const app = appInChromium('metrics');

  it('creates a formula metric from the catalog and sees a bad formula explained', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.server.url);
    await page.getByTestId('metric-node').first().waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Metrics', exact: true }).click();
    const rows = page.getByTestId('catalog-metric');
    await rows.first().waitFor();
    await expect(
      page.getByText('activities_total ÷ active_contacts').first().isVisible(),
    ).resolves.toBe(true);

    await page.getByLabel('Search metrics by name or key').fill('win rate');
    expect(await rows.count()).toBe(1);
    await page.getByLabel('Search metrics by name or key').fill('');

    const form = page.getByRole('form', { name: 'New metric' });
    await page.getByRole('button', { name: 'New metric' }).click();
    await form.getByLabel('Key', { exact: true }).fill('touches_per_rep_hour');
    await form.getByLabel('Name', { exact: true }).fill('Touches per rep and selling hour');
    await form.getByLabel('Unit').selectOption('ratio');
    await form.getByLabel('Type').selectOption('formula');
    await form.getByLabel('Formula').fill('activities_total / (reps_active * selling_hours)');
    await form.getByRole('button', { name: 'Create metric' }).click();

    const created = page.locator('[data-metric-key="touches_per_rep_hour"]');
    await created.waitFor();
    expect(await created.getAttribute('aria-current')).toBe('true');
    expect(await created.textContent()).toContain('custom');
    expect(await created.textContent()).toContain(
      'activities_total / (reps_active * selling_hours)',
    );

    await page.getByRole('button', { name: 'New metric' }).click();
    await form.getByLabel('Key', { exact: true }).fill('ghostly');
    await form.getByLabel('Name', { exact: true }).fill('Ghostly');
    await form.getByLabel('Type').selectOption('formula');
    await form.getByLabel('Formula').fill('activities_total / ghosts');
    await form.getByRole('button', { name: 'Create metric' }).click();
    const error = page.getByText('refers to "ghosts", which is not a metric');
    await error.waitFor();
    expect(await form.getByLabel('Formula').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: join(artifacts, 'metrics-catalog.png') });

    // Back to the tree without a reload: the canvas is still there.
    await page.getByRole('button', { name: 'Trees', exact: true }).click();
    await page.getByTestId('metric-node').first().waitFor();
    expect(await page.getByTestId('metric-node').count()).toBe(16);
    await page.close();
  });
});
