import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

/** A day `daysAgo` before today as DD.MM.YYYY, so the activities land in the chart's weeks. */
function germanDate(daysAgo: number): string {
  const day = new Date(Date.now() - daysAgo * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(day.getUTCDate())}.${two(day.getUTCMonth() + 1)}.${day.getUTCFullYear()}`;
}

const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

const REPS = csv([
  'External ID,Name,Team',
  'e2e-rep-1,Ada Park,Team A',
  'e2e-rep-2,Ben Ortiz,Team B',
]);
const CONTACTS = csv([
  'Contact ID,Created,Stage,Owner',
  'e2e-c-1,2026-01-05T09:00:00Z,Lead,e2e-rep-1',
  'e2e-c-2,2026-01-06T09:00:00Z,MQL,e2e-rep-2',
  'e2e-c-3,2026-01-07T09:00:00Z,customer,e2e-rep-1',
]);
const ACTIVITIES = csv([
  'Activity ID,Contact,Rep,Type,When',
  `e2e-a-1,e2e-c-1,e2e-rep-1,Phone Call,${germanDate(2)} 10:15`,
  `e2e-a-2,e2e-c-2,e2e-rep-2,Email,${germanDate(3)} 11:00`,
  `e2e-a-3,e2e-c-3,e2e-rep-1,Meeting,${germanDate(9)} 15:30`,
]);
const BAD_ACTIVITIES = csv([
  'Activity ID,Contact,Rep,Type,When',
  `e2e-a-4,e2e-c-1,e2e-rep-1,Phone Call,${germanDate(1)} 09:00`,
  'e2e-a-5,e2e-c-2,e2e-rep-2,Email,soon',
]);

async function upload(page: Page, name: string, buffer: Buffer) {
  await page
    .getByLabel('Drop a CSV file here, or choose one')
    .setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByRole('heading', { name: 'Map the columns' }).waitFor();
  await page.getByText(name, { exact: true }).first().waitFor();
}

async function checkAndImport(page: Page, expectInserted: number) {
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const outcome = page.getByTestId('import-outcome');
  await outcome.getByText('Check passed').waitFor();
  expect(await outcome.getByTestId('import-counts').textContent()).toContain(
    `Would insert${expectInserted}`,
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await outcome.getByText(/^Imported \d+ rows/).waitFor();
  expect(await outcome.getByTestId('import-counts').textContent()).toContain(
    `Inserted${expectInserted}`,
  );
}

describe('a revenue operations lead imports CRM exports on the Data screen', () => {
  const app = appInChromium('data-import');

  it('maps, checks and imports reps, contacts and activities, and sees a bad file refused', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('heading', { name: 'Import a CSV file' }).waitFor();
    // The health panel loads with its chart library.
    await page.getByRole('heading', { name: 'Data health' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'data-screen-start.png') });

    // 1. Reps: the headers read like the fields, so the generic mapping is guessed.
    await page.getByLabel('The file holds').selectOption('reps');
    await upload(page, 'reps.csv', REPS);
    expect(await page.getByLabel('Source for External id').inputValue()).toBe('External ID');
    expect(await page.getByLabel('Source for Name').inputValue()).toBe('Name');
    await checkAndImport(page, 2);
    await page.getByRole('button', { name: 'Import another file' }).click();

    // 2. Contacts: columns picked by hand, and "MQL" mapped to a lifecycle stage.
    await page.getByLabel('The file holds').selectOption('contacts');
    await upload(page, 'contacts.csv', CONTACTS);
    await page.getByText('The mapping does not fit this file yet').waitFor();
    await page.getByLabel('Source for External id').selectOption('Contact ID');
    await page.getByLabel('Source for Created at').selectOption('Created');
    await page.getByLabel('Source for Lifecycle stage').selectOption('Stage');
    await page.getByLabel('Source for Owner rep').selectOption('Owner');
    // "MQL" is no stage: the preview marks the cell with the reason.
    const stageError = page.getByTestId('preview-error').first();
    await stageError.waitFor();
    expect(await stageError.getAttribute('aria-description')).toMatch(/MQL/);
    await page.getByRole('button', { name: /Value map.*for Lifecycle stage/ }).click();
    await page.getByRole('button', { name: 'Map “MQL”' }).click();
    await page.getByLabel('Lifecycle stage for “MQL”').selectOption('lead');
    await page.getByTestId('preview-error').first().waitFor({ state: 'detached' });
    await checkAndImport(page, 3);
    await page.getByRole('button', { name: 'Import another file' }).click();

    // 3. Activities: German dates, "Phone Call" mapped to a call; the mapping is saved.
    await page.getByLabel('The file holds').selectOption('activities');
    await upload(page, 'activities.csv', ACTIVITIES);
    expect(await page.getByLabel('Source for Contact', { exact: true }).inputValue()).toBe(
      'Contact',
    );
    await page.getByLabel('Source for External id').selectOption('Activity ID');
    await page.getByLabel('Source for Channel').selectOption('Type');
    await page.getByLabel('Source for Occurred at').selectOption('When');
    // ISO is the default format: every date cell is refused until the format is set.
    await page.getByTestId('preview-error').first().waitFor();
    await page.getByLabel('Date format', { exact: true }).selectOption('DD.MM.YYYY');
    await page.getByLabel('Time zone of the file').fill('Europe/Berlin');
    await page.getByRole('button', { name: /Value map.*for Channel/ }).click();
    await page.getByRole('button', { name: 'Map “Phone Call”' }).click();
    await page.getByLabel('Channel for “Phone Call”').selectOption('call');
    await page.getByTestId('preview-error').first().waitFor({ state: 'detached' });
    expect(await page.getByTestId('mapping-preview').textContent()).toContain('call');
    await page.getByLabel('Save mapping as').fill('E2E activities');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as “E2E activities”').waitFor();
    await page.screenshot({ path: join(artifacts, 'data-import-mapping.png') });
    await checkAndImport(page, 3);
    await page.getByTestId('import-outcome').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'data-import-committed.png') });
    // Nothing to save in the counting settings until one is changed.
    expect(await page.getByRole('button', { name: 'Save counting' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Import another file' }).click();

    // 4. A file with a bad row: the check lists it, the import is refused with a report.
    await page.getByLabel('The file holds').selectOption('activities');
    await upload(page, 'bad-activities.csv', BAD_ACTIVITIES);
    await page.getByLabel('Mapping', { exact: true }).selectOption({ label: 'E2E activities' });
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const outcome = page.getByTestId('import-outcome');
    await outcome.getByText('Check: 1 of 2 rows would be refused').waitFor();
    const checkErrors = outcome.getByTestId('row-errors');
    expect(await checkErrors.textContent()).toContain('soon');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await outcome.getByText('Import refused: nothing was imported').waitFor();
    const refusedRow = outcome.getByTestId('row-errors').locator('tbody tr').first();
    expect(await refusedRow.locator('td').nth(0).textContent()).toBe('2');
    expect(await refusedRow.locator('td').nth(1).textContent()).toBe('When');
    expect(await page.getByRole('alert').filter({ hasText: 'Import refused' }).count()).toBe(1);
    const report = outcome.getByRole('link', { name: 'Download report' });
    const reportUrl = await report.getAttribute('href');
    // A plain link carries no workspace header, so it names the workspace in its query.
    expect(reportUrl).toMatch(/^\/api\/imports\/[0-9a-f-]{36}\/report\.csv\?workspace=demo$/);
    const reportResponse = await page.request.get(new URL(reportUrl!, app.server.url).href);
    expect(reportResponse.status()).toBe(200);
    expect(await reportResponse.text()).toContain('soon');
    await outcome.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'data-import-refused.png') });

    // 5. The history lists all four, newest first; data health charts the activities.
    const history = page.getByTestId('import-history-row');
    await expect.poll(() => history.count()).toBe(4);
    expect(await history.nth(0).textContent()).toContain('bad-activities.csv');
    expect(await history.nth(0).textContent()).toContain('refused');
    expect(await history.nth(1).textContent()).toContain('activities.csv');
    expect(await history.nth(1).textContent()).toContain('committed');
    expect(await history.nth(3).textContent()).toContain('reps.csv');
    const chart = page.getByTestId('data-health-chart');
    await chart.waitFor();
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('freshness-activities').textContent()).not.toContain('never');
    await page.getByRole('button', { name: 'Months' }).click();
    await chart.getByText(/^Activities per month: /).waitFor();
    expect(await page.getByLabel('Number of months shown').inputValue()).toBe('12');
    await page.getByRole('heading', { name: 'Import history' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'data-screen-health.png') });
    await page.close();
  });

  it('recognises a HubSpot export and previews it through the preset', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(app.server.url);
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    const hubspot = readFileSync(
      new URL('../../../packages/core/fixtures/ingest/hubspot-activities.csv', import.meta.url),
    );
    await page.getByLabel('The file holds').selectOption('contacts');
    await upload(page, 'hubspot-activities.csv', hubspot);
    // The detected preset sets the entity and the mapping.
    expect(await page.getByLabel('The file holds').inputValue()).toBe('activities');
    expect(await page.getByLabel('Mapping', { exact: true }).inputValue()).toBe(
      'preset:hubspot-activities',
    );
    expect(await page.getByLabel('Source for Direction').inputValue()).toBe('\u0000rules');
    const preview = page.getByTestId('mapping-preview');
    await preview.waitFor();
    expect(await preview.locator('tbody tr').count()).toBeGreaterThan(3);
    expect(await preview.textContent()).toContain('2026-03-02T');
    await page.screenshot({ path: join(artifacts, 'data-import-hubspot-preset.png') });

    // A file with a header and no rows is refused at upload, and says so.
    await page.getByRole('button', { name: 'Start over' }).click();
    await page
      .getByLabel('Drop a CSV file here, or choose one')
      .setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: csv(['Id,Name']) });
    const alert = page.getByRole('alert').filter({ hasText: /header/i });
    await alert.waitFor();

    // Counting settings: a wider duplicate tolerance is saved and re-counts.
    const tolerance = page.getByLabel('Duplicate tolerance (seconds)');
    await expect.poll(() => tolerance.inputValue()).not.toBe('');
    await tolerance.fill('300');
    await page.getByText('within 5 minutes').waitFor();
    await page.getByLabel('Count manual touches only').check();
    await page.getByRole('button', { name: 'Save counting' }).click();
    await page.getByText('Saved. Every metric now counts this way.').waitFor({ timeout: 60_000 });
    const workspace = await page.request.get(new URL('/api/workspace', app.server.url).href);
    expect(await workspace.json()).toMatchObject({
      countingPolicy: 'manual_only',
      duplicateToleranceSeconds: 300,
    });
    await page.close();
  });
});
