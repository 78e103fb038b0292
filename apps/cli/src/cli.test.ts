import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '@treeline/core';
import { createWorkspace, openDatabase, recordDomainEvent } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand, tokenCommand } from './account-commands';
import { importCommand } from './import-command';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'treeline-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** `treeline <args>` as a child process (the sources, through tsx). */
function treeline(args: string[], env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: packageRoot,
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(databaseKindsUnderTest())('treeline import on %s', (kind) => {
  let t: TestDatabase;
  const mappingFile = join(folder, `reps-mapping-${kind}.json`);
  const csvFile = join(folder, `reps-${kind}.csv`);
  const lines: string[] = [];
  const run = (args: string[]) => importCommand(t, args, (line) => lines.push(line));
  const repsOf = async (workspaceId: string) =>
    (
      await t.db
        .selectFrom('reps')
        .select('external_id')
        .where('workspace_id', '=', workspaceId)
        .orderBy('external_id')
        .execute()
    ).map((r) => r.external_id);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    writeFileSync(
      mappingFile,
      JSON.stringify({
        entity: 'reps',
        fields: { externalId: { column: 'Id' }, name: { column: 'Name' } },
      }),
    );
    writeFileSync(csvFile, 'Id,Name\nr-1,Ada\nr-2,Bo\n');
  });
  afterAll(() => t.close());

  it('imports into the demo workspace by default and into another by --workspace, naming the ones there are', async () => {
    const demo = await createWorkspace(t.db, { slug: 'demo', name: 'Demo' });
    const other = await createWorkspace(t.db, { slug: 'other', name: 'Other' });
    expect(await run(['reps', csvFile, '--mapping', mappingFile])).toBe(0);
    expect(await repsOf(demo.id)).toEqual(['r-1', 'r-2']);
    expect(lines[0]).toMatch(/^Imported .* into "Demo" \(reps\)/);

    expect(await run(['reps', csvFile, '--mapping', mappingFile, '--workspace', 'other'])).toBe(0);
    expect(await repsOf(other.id)).toEqual(['r-1', 'r-2']);

    const error = await run([
      'reps',
      csvFile,
      '--mapping',
      mappingFile,
      '--workspace',
      'nope',
    ]).catch((e: unknown) => e);
    expect(isDomainError(error) && error.message).toBe(
      'no workspace "nope"; workspaces: demo, other',
    );
  });

  it('refuses a file with a bad row, writing every rejected row next to it', async () => {
    const bad = join(folder, `bad-reps-${kind}.csv`);
    writeFileSync(bad, 'Id,Name\nr-3,Cy\n,Dee\n');
    expect(await run(['reps', bad, '--mapping', mappingFile])).toBe(1);
    expect(readFileSync(`${bad}.rejected.csv`, 'utf8')).toMatch(
      /^row,column,field,value,reason\r\n2,Id,externalId,,/,
    );
  });
});

describe('treeline worker', () => {
  it('refuses the embedded database, whose one process is the server', {
    timeout: 120_000,
  }, async () => {
    const run = treeline(['worker'], { TREELINE_DATA_DIR: join(folder, 'embedded') });
    expect(await run.exit).toBe(1);
    expect(run.output()).toMatch(/treeline: the embedded database serves one process/);
  });

  describe.each(databaseKindsUnderTest().filter((kind) => kind === 'postgres'))('on %s', () => {
    const name = `treeline_cli_${randomBytes(5).toString('hex')}`;
    let admin: pg.Client;
    let url: string;

    beforeAll(async () => {
      admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const parsed = new URL(process.env.TEST_DATABASE_URL as string);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
    });
    afterAll(async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    it('migrates, dispatches the outbox until SIGTERM, then stops cleanly', {
      timeout: 120_000,
    }, async () => {
      const run = treeline(['worker'], { DATABASE_URL: url });
      await until(
        () => run.output().includes('Worker running'),
        `the worker to start:\n${run.output()}`,
      );
      const database = await openDatabase({ kind: 'postgres', url });
      try {
        const ws = await createWorkspace(database.db, { slug: 'w', name: 'W' });
        const event = await database.db.transaction().execute((trx) =>
          recordDomainEvent(trx, ws.id, {
            type: 'counting.changed',
            payload: { dataVersion: 2, changes: {} },
          }),
        );
        // No durable subscriber exists yet: the event is only marked dispatched.
        await until(async () => {
          const { rows } = await sql<{ dispatched: boolean }>`
            select dispatched_at is not null as dispatched from domain_events where id = ${event.id}
          `.execute(database.db);
          return rows[0]?.dispatched === true;
        }, 'the dispatch');
      } finally {
        await database.close();
      }
      run.child.kill('SIGTERM');
      expect(await run.exit).toBe(0);
      expect(run.output()).toContain('Worker stopped.');
    });
  });
});

describe.each(databaseKindsUnderTest())('treeline admin and token on %s', (kind) => {
  let t: TestDatabase;
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(() => t.close());

  it('creates the first admin with a generated password shown once, then refuses a second', async () => {
    expect(
      await adminCommand(
        t,
        ['create', '--email', 'ops@example.com', '--name', 'Ops Lead', '--workspace', 'Acme'],
        print,
      ),
    ).toBe(0);
    expect(lines.join('\n')).toMatch(
      /Admin ops@example\.com can sign in to workspace "Acme" \(acme\)/,
    );
    const password = /Password \(shown once[^:]*\): (\S+)/.exec(lines.join('\n'))?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(12);
    const again = await adminCommand(
      t,
      ['create', '--email', 'eve@example.com', '--name', 'Eve'],
      print,
    ).catch((error: unknown) => error);
    expect(isDomainError(again, 'setup_done')).toBe(true);
  });

  it("makes a token in an admin's name, and refuses someone who is not an admin there", async () => {
    lines.length = 0;
    expect(
      await tokenCommand(
        t,
        ['create', '--workspace', 'acme', '--name', 'Nightly sync', '--admin', 'ops@example.com'],
        print,
      ),
    ).toBe(0);
    expect(lines[1]).toMatch(/^tl_/);
    const refused = await tokenCommand(
      t,
      ['create', '--workspace', 'acme', '--name', 'x', '--admin', 'nobody@example.com'],
      print,
    ).catch((error: unknown) => error);
    expect(isDomainError(refused, 'forbidden')).toBe(true);
  });
});
