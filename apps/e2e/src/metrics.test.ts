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

  it('edits a custom metric: a wrong filter explained, then the new name and definition everywhere', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(app.server.url);
    // The embedded database answers one query at a time: on a busy machine the catalog
    // would wait behind the tree's values, so let the tree finish first.
    await page.getByTestId('metric-node').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Metrics', exact: true }).click();
    await page.getByTestId('catalog-metric').first().waitFor({ timeout: 30_000 });

    // Built-ins stay read-only: no Edit.
    await page.locator('[data-metric-key="activities_total"]').click();
    const details = page.getByRole('complementary', { name: 'Metric details' });
    await details.getByText('Built-in metrics are read-only').waitFor();
    expect(await details.getByRole('button', { name: 'Edit' }).count()).toBe(0);

    const created = page.getByRole('form', { name: 'New metric' });
    await page.getByRole('button', { name: 'New metric' }).click();
    await created.getByLabel('Key', { exact: true }).fill('smb_contacts');
    await created.getByLabel('Name', { exact: true }).fill('SMB contacts');
    await created.getByLabel('Source').selectOption('contacts');
    await created.getByRole('button', { name: 'Add filter' }).click();
    await created.getByLabel('Filter 1 dimension').fill('segment');
    // The value field suggests the segments, worded as people say them.
    const segmentList = await created.getByLabel('Filter 1 value').getAttribute('list');
    await expect
      .poll(() => created.locator(`datalist[id="${segmentList}"] option`).allTextContents())
      .toEqual(['SMB', 'Mid-market', 'Enterprise']);
    await created.getByLabel('Filter 1 value').fill('smb');
    await created.getByRole('button', { name: 'Create metric' }).click();
    const row = page.locator('[data-metric-key="smb_contacts"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('count of contacts where segment = smb');

    // The edit form opens with what the metric is; the key stays.
    await details.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit metric' });
    expect(await form.getByLabel('Key', { exact: true }).inputValue()).toBe('smb_contacts');
    expect(await form.getByLabel('Key', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('SMB contacts');
    expect(await form.getByLabel('Source').inputValue()).toBe('contacts');
    expect(await form.getByLabel('Filter 1 value').inputValue()).toBe('smb');

    // A dimension the source lacks: the server's answer sits on the filters.
    await form.getByLabel('Filter 1 dimension').fill('channel');
    await form.getByLabel('Filter 1 value').fill('call');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText(/dimension "channel" does not apply to contacts/).waitFor();
    expect(await form.getByLabel('Filter 1 dimension').getAttribute('aria-invalid')).toBe('true');

    // Counting the SMB contacts' activities instead, under a new name.
    await form.getByLabel('Name', { exact: true }).fill('SMB touches');
    await form.getByLabel('Source').selectOption('activities');
    await form.getByLabel('Filter 1 dimension').fill('segment');
    await form.getByLabel('Filter 1 value').fill('smb');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => row.textContent()).toContain('SMB touches');
    expect(await row.textContent()).toContain('count of activities where segment = smb');
    expect(await page.getByRole('form', { name: 'Edit metric' }).count()).toBe(0);
    expect(await details.getByRole('heading', { name: 'SMB touches' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(artifacts, 'metrics-edited.png') });

    // Its page reads the change, and splits by channel now that it counts activities.
    await details.getByRole('link', { name: 'Open metric page' }).click();
    await page.getByRole('heading', { name: 'SMB touches', level: 2 }).waitFor();
    expect(await page.locator('.mp__definition').textContent()).toContain(
      'count of activities where segment = smb',
    );
    const split = page.getByLabel('Split by', { exact: true });
    await split.waitFor({ timeout: 30_000 });
    expect(await split.locator('option').allTextContents()).toContain('Channel');
    expect(errors).toEqual([]);
    await page.close();
  });
});
