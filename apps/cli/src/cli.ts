/**
 * The treeline command line: `pnpm treeline <command>`.
 *   migrate                      bring the database to the latest schema
 *   seed [--scale demo|bench] [--seed N]
 *                                create the demo workspace if it is missing
 *   serve                        start the server (as `pnpm start`)
 *   import <entity> <file> (--mapping <file.json> | --preset <key>)
 *          [--workspace <slug>] [--delimiter <char>] [--dry-run]
 *                                import a CSV file, all or nothing; rejected rows are
 *                                written to <file>.rejected.csv
 *   worker                       run the background worker (durable subscribers of the
 *                                domain events) until Ctrl+C, beside API servers started
 *                                with TREELINE_WORKER=0; PostgreSQL only
 *   admin create --email <email> --name <name> [--workspace <name>] [--password-stdin]
 *                                the first admin of an installation with no account
 *   token create --workspace <slug> --name <name> --admin <email> [--scope read|read_write]
 *                                an API token for imports and integrations (shown once)
 * The database is chosen as by the server (DATABASE_URL, else the PGlite data folder).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError, isDomainError } from '@treeline/core';
import {
  DatabaseSetupError,
  databaseConfigFromEnv,
  ensureDemoWorkspace,
  migrateToLatest,
  openDatabase,
} from '@treeline/db';
import { createMailer } from '@treeline/notify';
import { DURABLE_SUBSCRIBERS, startWorker } from '@treeline/worker';
import { adminCommand, tokenCommand } from './account-commands';
import { importCommand } from './import-command';

const USAGE = `usage: treeline <migrate | seed [--scale demo|bench] [--seed N] | serve | worker |
                 admin create --email <email> --name <name> [--workspace <name>] [--password-stdin] |
                 token create --workspace <slug> --name <name> --admin <email> [--scope read|read_write] |
                 import <entity> <file> (--mapping <file.json> | --preset <key>) [--workspace <slug>] [--delimiter <char>] [--dry-run]>`;

/** The database the server would use: DATABASE_URL, else the PGlite data folder. */
function databaseConfig() {
  return databaseConfigFromEnv(process.env, {
    dataDir: resolve(import.meta.dirname ?? '.', '../../../data'),
  });
}

async function withDatabase<T>(
  run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(databaseConfig());
  try {
    await migrateToLatest(database.db);
    return await run(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate': {
      await withDatabase(async (database) => {
        console.log(`${database.location}: schema is at the latest migration`);
      });
      return;
    }
    case 'seed': {
      const { values } = parseArgs({
        args: rest,
        options: { scale: { type: 'string', default: 'demo' }, seed: { type: 'string' } },
      });
      if (values.scale !== 'demo' && values.scale !== 'bench') {
        throw new UsageError(`--scale must be demo or bench (got ${values.scale})`);
      }
      const seed = values.seed === undefined ? undefined : Number(values.seed);
      if (seed !== undefined && !Number.isInteger(seed))
        throw new UsageError(`--seed must be an integer (got ${values.seed})`);
      const started = Date.now();
      await withDatabase(async (database) => {
        const { workspace, created } = await ensureDemoWorkspace(database.db, {
          scale: values.scale as 'demo' | 'bench',
          ...(seed === undefined ? {} : { seed }),
          onProgress: (entity, done, total) => {
            if (done === total) console.log(`  ${entity}: ${total.toLocaleString('en-US')}`);
          },
        });
        console.log(
          created
            ? `Seeded "${workspace.name}" in ${((Date.now() - started) / 1000).toFixed(1)} s (${database.location})`
            : `The demo workspace already exists in ${database.location}; nothing to do.`,
        );
      });
      return;
    }
    case 'serve': {
      await import('@treeline/api/server');
      return;
    }
    case 'worker': {
      if (databaseConfig().kind === 'pglite') {
        throw new DomainError(
          'worker_needs_postgres',
          'the embedded database serves one process, and the server runs the worker itself; `treeline worker` is for PostgreSQL (set DATABASE_URL)',
        );
      }
      await withDatabase(async (database) => {
        const worker = await startWorker({
          database,
          mailer: createMailer({ smtpUrl: process.env.SMTP_URL, from: process.env.MAIL_FROM }),
        });
        console.log(
          `Worker running on ${database.location} (${DURABLE_SUBSCRIBERS.length} durable subscribers); Ctrl+C stops it.`,
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await worker.stop();
        console.log('Worker stopped.');
      });
      return;
    }
    case 'admin':
    case 'token': {
      const run = command === 'admin' ? adminCommand : tokenCommand;
      process.exitCode = await withDatabase((database) =>
        run(database, rest, (line) => console.log(line)),
      );
      return;
    }
    case 'import': {
      const exitCode = await withDatabase((database) =>
        importCommand(database, rest, (line) => console.log(line)),
      );
      process.exitCode = exitCode;
      return;
    }
    default:
      throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`treeline: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof DatabaseSetupError || isDomainError(error)) {
    console.error(`treeline: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
