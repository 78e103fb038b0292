import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

/** The period the editor shows by default: the tree's view at month grain, via the API. */
async function shownPeriod(url: string): Promise<{ start: number; end: number }> {
  const { trees } = (await (await fetch(`${url}/api/trees`)).json()) as {
    trees: Array<{ id: string }>;
  };
  const view = (await (
    await fetch(`${url}/api/trees/${trees[0]!.id}/view?grain=month`)
  ).json()) as {
    period: { start: string; end: string };
  };
  return { start: Date.parse(view.period.start), end: Date.parse(view.period.end) };
}

/**
 * `count` real outbound calls that booked a meeting, to demo contacts (external ids as the
 * demo generator writes them: c-0000001…, rep-0001…), spread over the middle of the shown
 * period so the tree's meeting rate (its root) and calls per contact must move.
 */
function callsNdjson(batch: string, count: number, period: { start: number; end: number }) {
  const day = 86_400_000;
  // Each batch an hour or more from the others: the same touch again would be a duplicate.
  const from = period.start + day + (batch.charCodeAt(0) - 96) * 3_600_000;
  const span = period.end - period.start - 3 * day;
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      JSON.stringify({
        externalId: `live-${batch}-${i}`,
        sourceSystem: 'e2e-live',
        contactExternalId: `c-${String((i % 150) + 1).padStart(7, '0')}`,
        repExternalId: `rep-${String((i % 8) + 1).padStart(4, '0')}`,
        channel: 'call',
        // Spread over the period: the same contact again only hours later, never a duplicate.
        occurredAt: new Date(from + Math.floor((span * i) / count)).toISOString(),
        direction: 'outbound',
        automated: false,
        systemGenerated: false,
        replied: true,
        meetingBooked: true,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function importCalls(url: string, batch: string, count: number) {
  const response = await fetch(`${url}/api/bulk/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/json' },
    body: callsNdjson(batch, count, await shownPeriod(url)),
  });
  const body = (await response.json()) as { inserted?: number };
  expect(response.status, JSON.stringify(body).slice(0, 500)).toBe(200);
  expect(body.inserted, JSON.stringify(body).slice(0, 500)).toBe(count);
}

const liveStatus = (page: Page) =>
  page.evaluate(
    () => document.querySelector('[data-testid="live-status"]')?.getAttribute('data-state') ?? '',
  );

describe('values on an open tree follow new data', () => {
  const app = appInChromium('live');

  it('refreshes a node after an import without a reload, keeps unsaved edits, and rides out a network drop', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.server.url);
    const rootValue = page.locator('.metric-node.is-selected').getByTestId('node-value');
    await rootValue.waitFor({ timeout: 30_000 });
    const before = (await rootValue.textContent()) ?? '';
    expect(before).toMatch(/\d/);
    // A reload would lose this.
    await page.evaluate(() => {
      (window as unknown as { liveMarker: number }).liveMarker = 1;
    });
    const marker = () =>
      page.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker ?? 0);

    // An unsaved edit: the root's label, which a live refresh must not undo.
    const panel = page.getByRole('complementary', { name: 'Details' });
    const label = panel.getByLabel('Node label');
    await label.fill('Meeting rate (live)');
    await label.press('Enter');
    expect(await page.getByTestId('save-state').textContent()).toMatch(/Unsaved/);

    // 1. New data arrives through the bulk API: the value changes on screen.
    await importCalls(app.server.url, 'a', 400);
    await expect.poll(() => rootValue.textContent(), { timeout: 30_000 }).not.toBe(before);
    const afterImport = (await rootValue.textContent()) ?? '';
    expect(afterImport).toMatch(/\d/);
    expect(await marker()).toBe(1);
    expect(await liveStatus(page)).toBe('updated');
    expect(await page.getByTestId('live-status').textContent()).toContain('Updated just now');
    expect(await page.locator('.metric-node.is-selected .metric-node__label').textContent()).toBe(
      'Meeting rate (live)',
    );
    expect(await page.getByTestId('save-state').textContent()).toMatch(/Unsaved/);
    await page.screenshot({ path: join(artifacts, 'live-updated.png') });

    // 2. The network drops: a calm "Reconnecting…" while the old values stay.
    await context.setOffline(true);
    await expect.poll(() => liveStatus(page), { timeout: 30_000 }).toBe('reconnecting');
    expect(await page.getByTestId('live-status').textContent()).toContain('Reconnecting');
    expect(await rootValue.textContent()).toBe(afterImport);
    // Data changes while nobody is listening…
    await importCalls(app.server.url, 'b', 400);
    await page.screenshot({ path: join(artifacts, 'live-reconnecting.png') });

    // 3. …so coming back clears the state and reads the values once more.
    await context.setOffline(false);
    await expect.poll(() => liveStatus(page), { timeout: 30_000 }).not.toBe('reconnecting');
    await expect.poll(() => rootValue.textContent(), { timeout: 30_000 }).not.toBe(afterImport);
    expect(await rootValue.textContent()).toMatch(/\d/);
    expect(await marker()).toBe(1);
    expect(await page.getByTestId('save-state').textContent()).toMatch(/Unsaved/);
    await page.screenshot({ path: join(artifacts, 'live-recovered.png') });
    await context.close();
  });

  it('keeps the values, dimmed, when they cannot be re-read, until the server answers again', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.server.url);
    const rootValue = page.locator('.metric-node.is-selected').getByTestId('node-value');
    await rootValue.waitFor({ timeout: 30_000 });
    const before = (await rootValue.textContent()) ?? '';

    // The values endpoint is unreachable while the event stream still works.
    await page.route('**/api/trees/*/view*', (route) => route.abort('internetdisconnected'));
    await importCalls(app.server.url, 'c', 200);
    await expect.poll(() => liveStatus(page), { timeout: 30_000 }).toBe('reconnecting');
    expect(await page.locator('main.canvas').getAttribute('class')).toContain('is-stale');
    // The old numbers stay, dimmed.
    await expect
      .poll(() =>
        page
          .locator('.react-flow__node')
          .first()
          .evaluate((el) => getComputedStyle(el).opacity),
      )
      .toBe('0.5');
    expect(await rootValue.textContent()).toBe(before);
    await page.screenshot({ path: join(artifacts, 'live-values-unreachable.png') });

    // Back: the next change re-reads them.
    await page.unroute('**/api/trees/*/view*');
    await importCalls(app.server.url, 'd', 200);
    await expect.poll(() => liveStatus(page), { timeout: 30_000 }).toBe('updated');
    expect(await page.locator('main.canvas').getAttribute('class')).not.toContain('is-stale');
    expect(await rootValue.textContent()).not.toBe(before);
    await context.close();
  });
});
