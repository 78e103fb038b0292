#!/usr/bin/env node
// The README's test command (after install): lint, typecheck, then every package's tests on
// PGlite and PostgreSQL and in Chromium; ends with one line `tests: N passed, M failed`.
//
// It finds what the suites need the way a developer would, and says what it does:
// - PostgreSQL: TEST_DATABASE_URL if set; else the local server on 127.0.0.1:5432 (trust
//   auth, database `postgres`), started with pg_ctlcluster when it is installed but down.
// - Chromium: CHROMIUM_PATH if set; else /usr/bin/chromium, installed from Debian's
//   packages when missing and this user may run apt-get (root).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const say = (line) => console.log(`[tests] ${line}`);

function canConnect(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  if (!(await canConnect(5432)) && has('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    for (const version of readdirSync('/etc/postgresql')) {
      say(`starting the local PostgreSQL ${version} cluster`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
        stdio: 'inherit',
      });
    }
    for (let i = 0; i < 20 && !(await canConnect(5432)); i++)
      await new Promise((r) => setTimeout(r, 500));
  }
  if (await canConnect(5432)) return 'postgres://postgres@127.0.0.1:5432/postgres';
  say(
    'no PostgreSQL found (set TEST_DATABASE_URL); the PostgreSQL half of the database suites cannot run',
  );
  return null;
}

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (process.getuid?.() === 0 && has('apt-get')) {
    say(
      'installing Chromium from Debian packages for the browser tests (apt-get install chromium)',
    );
    spawnSync(
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
      ],
      {
        stdio: 'inherit',
      },
    );
    if (existsSync(path)) return path;
  }
  say(
    `Chromium not found at ${path}; install it (e.g. apt-get install chromium) or set CHROMIUM_PATH`,
  );
  return path;
}

function run(label, cmd, args, env) {
  say(label);
  const result = spawnSync(cmd, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

const packagesWithTests = ['packages', 'apps']
  .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)))
  .filter((dir) => {
    const file = join(dir, 'package.json');
    return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).scripts?.test;
  });
for (const dir of packagesWithTests)
  rmSync(join(dir, 'test-results'), { recursive: true, force: true });

// Absolute, so turbo finds the workspace's pnpm from every package folder (a relative
// ./node_modules/.bin on PATH, as pnpm scripts get, breaks its child processes).
const env = { PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
const postgres = await ensurePostgres();
if (postgres) env.TEST_DATABASE_URL = postgres;
env.CHROMIUM_PATH = ensureChromium();

let failed = 0;
let passed = 0;
const problems = [];
if (!run('lint (biome check)', 'turbo', ['run', 'lint', '--output-logs=errors-only'], env)) {
  problems.push('lint');
}
if (!run('typecheck', 'turbo', ['run', 'typecheck', '--output-logs=errors-only'], env))
  problems.push('typecheck');
run('tests', 'turbo', ['run', 'test', '--continue', '--concurrency=1'], env);

for (const dir of packagesWithTests) {
  const file = join(dir, 'test-results', 'vitest.json');
  const name = dir.slice(root.length);
  if (!existsSync(file)) {
    problems.push(`${name}: no test results (the run crashed before reporting)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numPendingTests + report.numTodoTests > 0)
    problems.push(`${name}: ${report.numPendingTests + report.numTodoTests} skipped`);
  const suiteFailures = report.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  );
  for (const suite of suiteFailures)
    problems.push(`${suite.name.slice(root.length)}: ${suite.message.split('\n')[0]}`);
}
failed += problems.filter((p) => !p.endsWith('skipped')).length;
for (const problem of problems) say(`problem: ${problem}`);
if (!postgres) say('note: PostgreSQL was not exercised');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && postgres ? 0 : 1);
