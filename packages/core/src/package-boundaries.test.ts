// The package boundaries are lint rules (biome.json, noRestrictedImports overrides), not a
// convention: this test writes files that cross each boundary into a scratch copy of the
// layout, lints them with the repository's own configuration, and expects each to fail,
// while the imports each package is allowed pass.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const biome = join(root, 'node_modules', '.bin', 'biome');

interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

let scratch: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'treeline-boundaries-'));
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  // The scratch folder is not a git checkout; everything else is the real configuration.
  config.vcs = { enabled: false };
  delete config.$schema;
  writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The import-boundary diagnostics biome reports for one file at `path` with `source`. */
function boundaryDiagnostics(path: string, source: string): Diagnostic[] {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  let output: string;
  try {
    output = execFileSync(biome, ['lint', '--reporter=json', path], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  rmSync(file);
  const report = JSON.parse(output) as { diagnostics: Diagnostic[] };
  return report.diagnostics.filter((d) => d.category === 'lint/style/noRestrictedImports');
}

const use = (line: string, name: string) => `${line}\n\nexport const used = [${name}];\n`;

describe('package boundaries (biome noRestrictedImports)', () => {
  it.each([
    [
      'packages/core/src/metrics/x.ts',
      "import { openDatabase } from '@treeline/db';",
      'openDatabase',
    ],
    ['packages/core/src/trees/x.ts', "import { sql } from 'kysely';", 'sql'],
    ['packages/core/src/periods/x.ts', "import { Hono } from 'hono';", 'Hono'],
    ['packages/core/src/x.ts', "import { useState } from 'react';", 'useState'],
    ['packages/core/src/ingest/x.ts', "import { readFileSync } from 'node:fs';", 'readFileSync'],
    ['packages/db/src/x.ts', "import { createApp } from '@treeline/api';", 'createApp'],
    ['packages/db/src/trees/x.ts', "import { Hono } from 'hono';", 'Hono'],
    ['apps/web/src/x.tsx', "import { openDatabase } from '@treeline/db';", 'openDatabase'],
    ['apps/web/src/lib/x.ts', "import { createApp } from '@treeline/api';", 'createApp'],
    ['packages/client/src/x.ts', "import { createApp } from '@treeline/api';", 'createApp'],
    ['apps/api/src/routes/x.ts', "import { sql } from 'kysely';", 'sql'],
    ['apps/cli/src/x.ts', "import pg from 'pg';", 'pg'],
    ['packages/worker/src/x.ts', "import { sql } from 'kysely';", 'sql'],
    ['packages/auth/src/x.ts', "import { sql } from 'kysely';", 'sql'],
    ['packages/notify/src/x.ts', "import pg from 'pg';", 'pg'],
  ])('%s may not %s', (path, line, name) => {
    const found = boundaryDiagnostics(path, use(line, name));
    expect(found).toHaveLength(1);
    expect(found[0]!.message.length).toBeGreaterThan(20);
  });

  it.each([
    ['packages/core/src/metrics/x.ts', "import { z } from 'zod';", 'z'],
    ['packages/db/src/x.ts', "import { DomainError } from '@treeline/core';", 'DomainError'],
    ['packages/db/src/x.ts', "import { sql } from 'kysely';", 'sql'],
    [
      'apps/web/src/x.tsx',
      "import { createTreelineClient } from '@treeline/client';",
      'createTreelineClient',
    ],
    [
      'packages/client/src/x.ts',
      "import type { AppType } from '@treeline/api';",
      'null as unknown as AppType',
    ],
    ['apps/api/src/x.ts', "import { openDatabase } from '@treeline/db';", 'openDatabase'],
    ['packages/core/src/x.test.ts', "import { readFileSync } from 'node:fs';", 'readFileSync'],
  ])('%s may %s', (path, line, name) => {
    expect(boundaryDiagnostics(path, use(line, name))).toEqual([]);
  });
});
