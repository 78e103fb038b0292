/**
 * Accounts from the command line, for an installation nobody can sign in to yet or a
 * script that needs a token:
 *   treeline admin create --email <email> --name <name> [--workspace <name>] [--password-stdin]
 *   treeline token create --workspace <slug> --name <name> [--scope read|read_write] --admin <email>
 * The password is read from stdin with --password-stdin, or generated and printed once.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { authSecret, createApiToken, createTreelineAuth, setupFirstAdmin } from '@treeline/auth';
import { DomainError } from '@treeline/core';
import { countUsers, findMembership, findUserByEmail, type OpenDatabase } from '@treeline/db';
import { createMailer } from '@treeline/notify';

async function authOf(database: OpenDatabase) {
  return createTreelineAuth({
    db: database.db,
    baseURL: process.env.TREELINE_PUBLIC_URL?.trim() || 'http://127.0.0.1:3000',
    secret: await authSecret(database.db, process.env.TREELINE_AUTH_SECRET),
    mailer: createMailer({ smtpUrl: process.env.SMTP_URL, from: process.env.MAIL_FROM }),
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const usage = (message: string) => new DomainError('cli_usage', message);

/** `treeline admin create`: the first admin (or another one, with --force, when accounts exist). */
export async function adminCommand(
  database: OpenDatabase,
  args: string[],
  print: (line: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw usage('usage: treeline admin create --email <email> --name <name>');
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      workspace: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  if (!values.email || !values.name) throw usage('--email and --name are required');
  const auth = await authOf(database);
  if (!values.force && (await countUsers(database.db)) > 0) {
    throw new DomainError(
      'setup_done',
      'Treeline already has accounts; an admin invites people from the People screen (or pass --force to add another admin here).',
    );
  }
  const generated = !values['password-stdin'];
  const password = generated ? randomBytes(12).toString('base64url') : await readStdin();
  const { workspace } = await setupFirstAdmin(
    auth,
    database.db,
    {
      email: values.email,
      name: values.name,
      password,
      ...(values.workspace ? { workspaceName: values.workspace } : {}),
    },
    { allowWhenUsersExist: values.force },
  );
  print(`Admin ${values.email} can sign in to workspace "${workspace.name}" (${workspace.slug}).`);
  if (generated) {
    print(`Password (shown once; change it on your account page): ${password}`);
  }
  return 0;
}

/** `treeline token create`: an API token of a workspace, made in the name of one of its admins. */
export async function tokenCommand(
  database: OpenDatabase,
  args: string[],
  print: (line: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create')
    throw usage('usage: treeline token create --workspace <slug> --name <name> --admin <email>');
  const { values } = parseArgs({
    args: rest,
    options: {
      workspace: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string', default: 'read_write' },
      admin: { type: 'string' },
    },
  });
  if (!values.workspace || !values.name || !values.admin) {
    throw usage('--workspace, --name and --admin are required');
  }
  if (values.scope !== 'read' && values.scope !== 'read_write') {
    throw usage(`--scope must be read or read_write (got ${values.scope})`);
  }
  const user = await findUserByEmail(database.db, values.admin);
  const membership = user && (await findMembership(database.db, user.id, values.workspace));
  if (!user || !membership || membership.person.role !== 'admin') {
    throw new DomainError(
      'forbidden',
      `${values.admin} is not an admin of workspace '${values.workspace}'.`,
    );
  }
  const auth = await authOf(database);
  const { key } = await createApiToken(auth, database.db, {
    workspaceId: membership.workspace.id,
    name: values.name,
    scope: values.scope,
    userId: user.id,
    personId: membership.person.id,
  });
  print(`Token "${values.name}" (${values.scope}) for ${membership.workspace.name}; shown once:`);
  print(key);
  return 0;
}
