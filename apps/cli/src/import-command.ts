/**
 * `treeline import <entity> <file>`: a CSV file through a mapping (a JSON file or a preset)
 * into a workspace, all or nothing, streamed so that files of any size keep memory flat.
 * Prints the counts and the first rejected rows; writes every rejected row to
 * `<file>.rejected.csv`. Returns the exit code: 0 committed (or a clean dry run), 1 refused.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type ColumnMapping,
  columnMappingSchema,
  DomainError,
  IMPORT_PRESETS,
  isImportEntity,
} from '@treeline/core';
import {
  type CsvDelimiter,
  DEMO_WORKSPACE_SLUG,
  findWorkspaceBySlug,
  importCsv,
  listImportRejections,
  listWorkspaces,
  type OpenDatabase,
  rejectionReportCsv,
  type Workspace,
} from '@treeline/db';

export async function importCommand(
  database: OpenDatabase,
  args: string[],
  log: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      preset: { type: 'string' },
      workspace: { type: 'string' },
      delimiter: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [entity, file] = positionals;
  if (!entity || !file) throw usage('give the entity and the file: import activities calls.csv');
  if (!isImportEntity(entity)) {
    throw usage(
      `unknown entity "${entity}"; one of contacts, activities, deals, reps, capacity, events`,
    );
  }
  if (!existsSync(file)) throw usage(`no file ${file}`);
  const mapping = await loadMapping(values.mapping, values.preset);
  if (mapping.entity !== entity) {
    throw usage(`the mapping is for ${mapping.entity}, not ${entity}`);
  }
  const delimiter = parseDelimiter(values.delimiter);
  const workspace = await pickWorkspace(database, values.workspace);

  const started = performance.now();
  const result = await importCsv(
    { db: database.db, copyFrom: database.copyFrom },
    {
      workspaceId: workspace.id,
      origin: 'cli',
      mapping: { ...mapping, timeZone: mapping.timeZone ?? workspace.time_zone },
      source: createReadStream(file),
      fileName: file,
      ...(delimiter ? { delimiter } : {}),
      dryRun: values['dry-run'],
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const n = (value: number) => value.toLocaleString('en-US');
  log(
    `${result.status === 'committed' ? 'Imported' : result.status === 'dry_run' ? 'Dry run of' : 'Refused'} ${file} into "${workspace.name}" (${entity}) in ${seconds.toFixed(1)} s`,
  );
  log(
    `  rows ${n(result.rowsRead)}: inserted ${n(result.inserted)}, updated ${n(result.updated)}, unchanged ${n(result.unchanged)}, rejected ${n(result.rejected)}`,
  );
  const excluded = Object.entries(result.excluded).filter(([, count]) => count > 0);
  if (excluded.length > 0) {
    log(
      `  stored but not counted: ${excluded.map(([reason, count]) => `${reason} ${n(count)}`).join(', ')}`,
    );
  }
  if (result.message) log(`  ${result.message}`);
  for (const error of result.errors.slice(0, 20)) {
    const where = [
      error.column ? `column "${error.column}"` : null,
      error.field ? `(${error.field})` : null,
    ]
      .filter(Boolean)
      .join(' ');
    log(`  row ${error.row}${where ? `, ${where}` : ''}: ${error.reason}`);
  }
  if (result.importId && result.rejected > 0) {
    const report = `${file}.rejected.csv`;
    const rows = await listImportRejections(database.db, workspace.id, result.importId);
    await writeFile(report, rejectionReportCsv(rows));
    log(`  every rejected row: ${report}`);
  }
  return result.status === 'refused' ? 1 : 0;
}

async function loadMapping(
  path: string | undefined,
  presetKey: string | undefined,
): Promise<ColumnMapping> {
  if ((path === undefined) === (presetKey === undefined)) {
    throw usage('give exactly one of --mapping <file.json> or --preset <key>');
  }
  if (presetKey !== undefined) {
    const preset = IMPORT_PRESETS.find((p) => p.key === presetKey);
    if (!preset) {
      throw usage(
        `no preset "${presetKey}"; presets: ${IMPORT_PRESETS.map((p) => p.key).join(', ')}`,
      );
    }
    return preset.mapping;
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path as string, 'utf8'));
  } catch (error) {
    throw usage(`cannot read the mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) {
    throw usage(
      `the mapping ${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

function parseDelimiter(value: string | undefined): CsvDelimiter | undefined {
  if (value === undefined) return undefined;
  const named: Record<string, CsvDelimiter> = {
    ',': ',',
    ';': ';',
    '|': '|',
    tab: '\t',
    '\\t': '\t',
    '\t': '\t',
  };
  const delimiter = named[value];
  if (!delimiter) throw usage(`--delimiter must be , ; | or tab (got ${value})`);
  return delimiter;
}

async function pickWorkspace(database: OpenDatabase, slug: string | undefined): Promise<Workspace> {
  const found = await findWorkspaceBySlug(database.db, slug ?? DEMO_WORKSPACE_SLUG);
  if (found) return found;
  const all = await listWorkspaces(database.db);
  if (slug) {
    throw usage(
      `no workspace "${slug}"; workspaces: ${all.map((w) => w.slug).join(', ') || 'none'}`,
    );
  }
  const first = all[0];
  if (!first) {
    throw usage('there is no workspace yet; run `pnpm treeline seed` or `pnpm start` first');
  }
  return first;
}

function usage(message: string): DomainError {
  return new DomainError('cli_usage', message);
}
