/**
 * Reads and writes the durable record of imports: the imports themselves, their rejected
 * rows (the downloadable report) and the column mappings a workspace saved. The event a
 * committed import emits lives in the domain-event outbox (events/).
 */
import type { ColumnMapping, ImportRowError, RecordedDomainEvent } from '@treeline/core';
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  ImportEntityName,
  ImportMappingsTable,
  ImportsTable,
} from '../schema/database';

export type ImportRecord = Selectable<ImportsTable>;
/** The outbox event a committed import recorded. */
export type ImportEventRecord = RecordedDomainEvent<'import.committed'>;
export type ImportMappingRecord = Selectable<ImportMappingsTable>;

const REJECTION_BATCH = 500;

/** Inserts an import's record and its rejected rows; returns the import id. */
export async function insertImportRecord(
  db: Kysely<Database>,
  record: Omit<ImportRecord, 'id' | 'finished_at' | 'mapping' | 'excluded'> & {
    mapping: unknown;
    excluded: Record<string, number>;
  },
  rejections: readonly ImportRowError[],
): Promise<string> {
  const { id } = await db
    .insertInto('imports')
    .values({
      ...record,
      mapping: record.mapping === undefined ? null : JSON.stringify(record.mapping),
      excluded: JSON.stringify(record.excluded),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < rejections.length; i += REJECTION_BATCH) {
    await db
      .insertInto('import_rejections')
      .values(
        rejections.slice(i, i + REJECTION_BATCH).map((e, j) => ({
          workspace_id: record.workspace_id,
          import_id: id,
          seq: i + j + 1,
          row_number: e.row,
          column_name: e.column,
          field: e.field,
          value: e.value,
          reason: e.reason,
        })),
      )
      .execute();
  }
  return id;
}

/** The workspace's imports, newest first. */
export async function listImports(
  db: Kysely<Database>,
  workspaceId: string,
  limit = 50,
): Promise<ImportRecord[]> {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('finished_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findImport(
  db: Kysely<Database>,
  workspaceId: string,
  importId: string,
): Promise<ImportRecord | undefined> {
  return db
    .selectFrom('imports')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', importId)
    .executeTakeFirst();
}

/** An import's rejected rows in file order. */
export async function listImportRejections(
  db: Kysely<Database>,
  workspaceId: string,
  importId: string,
): Promise<ImportRowError[]> {
  const rows = await db
    .selectFrom('import_rejections')
    .select(['row_number', 'column_name', 'field', 'value', 'reason'])
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    row: r.row_number,
    column: r.column_name,
    field: r.field,
    value: r.value,
    reason: r.reason,
  }));
}

/** The newest committed import of each entity: how fresh the workspace's data is. */
export async function latestCommittedImports(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<ImportRecord[]> {
  return db
    .selectFrom('imports')
    .selectAll()
    .distinctOn('entity')
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'committed')
    .orderBy('entity')
    .orderBy('finished_at', 'desc')
    .execute();
}

export async function listImportMappings(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<ImportMappingRecord[]> {
  return db
    .selectFrom('import_mappings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
}

export async function findImportMapping(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<ImportMappingRecord | undefined> {
  return db
    .selectFrom('import_mappings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Saves a mapping under its name (replacing one of the same name). */
export async function saveImportMapping(
  db: Kysely<Database>,
  workspaceId: string,
  values: { name: string; entity: ImportEntityName; mapping: ColumnMapping },
): Promise<ImportMappingRecord> {
  const mapping = JSON.stringify(values.mapping);
  return db
    .insertInto('import_mappings')
    .values({ workspace_id: workspaceId, name: values.name, entity: values.entity, mapping })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'name'])
        .doUpdateSet({ entity: values.entity, mapping, updated_at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteImportMapping(
  db: Kysely<Database>,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('import_mappings')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
