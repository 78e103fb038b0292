/**
 * Once per test run: a data folder seeded by the built server exactly as a new user's first
 * start seeds it, then stopped. Each browser test file starts its server on a copy of it
 * (app-in-chromium.ts), so the file does not pay the ~20 s of migrations and demo seed
 * again; the smoke test still starts on an empty folder and checks the seeding itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBuiltServer } from './built-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A stopped server's seeded data folder; copy it, never start a server on it. */
    seededDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'treeline-e2e-template-'));
  const dataDir = join(root, 'data');
  const server = await startBuiltServer({ TREELINE_DATA_DIR: dataDir });
  await server.stop();
  project.provide('seededDataDir', dataDir);
  return () => rmSync(root, { recursive: true, force: true });
}
