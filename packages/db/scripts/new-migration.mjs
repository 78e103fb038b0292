#!/usr/bin/env node
// Creates a migration file with a sortable UTC name and registers it in the static index:
//   pnpm --filter @treeline/db migration:new add-scores
import { readFileSync, writeFileSync } from 'node:fs';

const slug = (process.argv[2] ?? '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '-')
  .replace(/^-|-$/g, '');
if (!slug) {
  console.error('usage: pnpm --filter @treeline/db migration:new <name>');
  process.exit(2);
}
const now = new Date().toISOString();
const name = `${now.slice(0, 10)}T${now.slice(11, 13)}${now.slice(14, 16)}-${slug}`;
const dir = new URL('../src/migrations/', import.meta.url);
writeFileSync(
  new URL(`${name}.ts`, dir),
  `/** ${slug.replaceAll('-', ' ')}. Typed as Kysely<unknown>: it must not change when the schema types do. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  void db;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  void db;
}
`,
  { flag: 'wx' },
);
const indexUrl = new URL('index.ts', dir);
const camel = slug.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
let index = readFileSync(indexUrl, 'utf8');
index = index.replace(
  /(import \* as \w+ from '\.\/[^']+';\n)(?!import \* as)/,
  `$1import * as ${camel} from './${name}';\n`,
);
index = index.replace(/(\n};\n)/, `\n  '${name}': ${camel},$1`);
writeFileSync(indexUrl, index);
console.log(
  `created src/migrations/${name}.ts and registered it; write up() and down(), then update schema/database.ts`,
);
