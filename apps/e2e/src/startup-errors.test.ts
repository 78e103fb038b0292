import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@treeline/db';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runServerToExit } from './built-server';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'treeline-e2e-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One clear line on stderr, a non-zero exit, and no stack trace. */
function expectOneLineFailure(
  result: { code: number | null; stderr: string; stdout: string },
  message: RegExp,
) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^treeline: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
}

describe('the server refuses to start, in one line, when', () => {
  it('DATABASE_URL is malformed', async () => {
    expectOneLineFailure(
      await runServerToExit({ DATABASE_URL: 'mysql://root@localhost/crm' }),
      /DATABASE_URL must start with postgres:\/\//,
    );
    expectOneLineFailure(
      await runServerToExit({ DATABASE_URL: 'not a url' }),
      /DATABASE_URL is not a valid URL/,
    );
  });

  it('the database cannot be reached', async () => {
    expectOneLineFailure(
      await runServerToExit({ DATABASE_URL: 'postgres://treeline@127.0.0.1:9/treeline' }),
      /Cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:9\/treeline/,
    );
  });

  it('the data folder was written by a newer Treeline', async () => {
    const dataDir = tempDir();
    const database = await openDatabase({ kind: 'pglite', dataDir });
    await migrateToLatest(database.db);
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000-future', now()::text)`.execute(
      database.db,
    );
    await database.close();
    expectOneLineFailure(
      await runServerToExit({ TREELINE_DATA_DIR: dataDir }),
      /migrated by a newer Treeline \(unknown migration 2099-01-01T0000-future\)/,
    );
  });
});
