import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium, artifacts } from './app-in-chromium';

describe('a new user starts Treeline', () => {
  const app = appInChromium('smoke', { fresh: true });

  it('seeds the demo workspace on the embedded database and prints the URL', () => {
    expect(app.server.output()).toMatch(/Seeded the demo workspace/);
    expect(app.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('shows the activity tree with numbers in Chromium', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(app.server.url);
    const nodes = page.getByTestId('metric-node');
    await nodes.first().waitFor({ timeout: 30_000 });
    expect(await nodes.count()).toBe(16);
    const values = await page.getByTestId('node-value').allTextContents();
    expect(values).toHaveLength(16);
    for (const value of values) expect(value).toMatch(/\d/);
    await expect(page.getByText('Activity volume per contact').first().isVisible()).resolves.toBe(
      true,
    );
    await page.screenshot({ path: join(artifacts, 'smoke-tree.png') });
    await page.close();
  });
});
