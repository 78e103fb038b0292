import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerRun, startBuiltServer } from './built-server';
import { launchChromium } from './chromium';

const artifacts = new URL('../test-results/', import.meta.url).pathname;

describe('a new user starts Treeline', () => {
  let dataDir: string;
  let server: ServerRun;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'treeline-smoke-'));
    server = await startBuiltServer({ TREELINE_DATA_DIR: dataDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo workspace on the embedded database and prints the URL', () => {
    expect(server.output()).toMatch(/Seeded the demo workspace/);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('shows the activity tree with numbers in Chromium', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url);
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
