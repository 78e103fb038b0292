/**
 * The setup every browser test shares: the built server on a data folder of its own (a
 * copy of the one the run's global setup seeded like a new user's, or with `fresh` an
 * empty one it seeds itself) and a headless Chromium, started before the file's tests and
 * removed after them.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { type ServerRun, startBuiltServer } from './built-server';
import { launchChromium } from './chromium';

/** Where screenshots are saved (apps/e2e/test-results/). */
export const artifacts = new URL('../test-results/', import.meta.url).pathname;

export interface AppInChromium {
  readonly server: ServerRun;
  readonly browser: Browser;
}

/**
 * Registers beforeAll/afterAll hooks; read `server` and `browser` inside tests.
 * @example const app = appInChromium('smoke'); it('…', async () => { await app.browser.newPage(); });
 */
export function appInChromium(name: string, options: { fresh?: boolean } = {}): AppInChromium {
  let folder: string | undefined;
  let server: ServerRun | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    folder = mkdtempSync(join(tmpdir(), `treeline-${name}-`));
    const data = join(folder, 'data');
    if (!options.fresh) cpSync(inject('seededDataDir'), data, { recursive: true });
    server = await startBuiltServer({ TREELINE_DATA_DIR: data });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!server) throw new Error('the server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet');
      return browser;
    },
  };
}
