// The saved, declarative description of how a CSV's columns become one entity's fields (a small JSON DSL, validated by zod).

import { z } from 'zod';
import { IMPORT_ENTITIES } from './import-entity';
import { IMPORT_FIELDS } from './import-fields';
import { DATE_FORMATS } from './parse-timestamp';

const columnName = z.string().trim().min(1, { error: 'a column name must not be empty' });
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A test on one column of the row, case-insensitive and on trimmed values:
 * `in` (equals one of), `startsWith` (begins with one of) or `present` (non-empty, or empty when false).
 */
const conditionSchema = z
  .strictObject({
    column: columnName,
    in: z.array(z.string()).min(1).optional(),
    startsWith: z.array(z.string().min(1)).min(1).optional(),
    present: z.boolean().optional(),
  })
  .refine(
    (c) => [c.in, c.startsWith, c.present].filter((test) => test !== undefined).length === 1,
    { error: 'a condition needs exactly one of "in", "startsWith" or "present"' },
  );

/** One rule of `cases`: when every condition holds, the field takes `value`, or the cell of `column`/`columns`. */
const caseSchema = z
  .strictObject({
    when: z.union([conditionSchema, z.array(conditionSchema).min(1)]),
    value: scalar.nullable().optional(),
    column: columnName.optional(),
    columns: z.array(columnName).min(1).optional(),
  })
  .refine(
    (c) => [c.value, c.column, c.columns].filter((source) => source !== undefined).length === 1,
    { error: 'a case needs exactly one of "value", "column" or "columns"' },
  );

/**
 * How one field gets its value. Evaluation order: the first matching case; else `column`
 * (or the first non-empty of `columns`, or `constant`); an empty cell takes `default`; a non-empty
 * cell is translated through `values` (keys matched case-insensitively, "*" for any other value)
 * and then parsed as the field's type with `format` (dates) — constants, defaults and mapped values
 * are written in our vocabulary ("call", true, "2026-03-02T14:05:00Z").
 */
const fieldMappingSchema = z
  .strictObject({
    column: columnName.optional(),
    columns: z.array(columnName).min(1).optional(),
    constant: scalar.optional(),
    cases: z.array(caseSchema).min(1).optional(),
    values: z.record(z.string(), scalar.nullable()).optional(),
    default: scalar.optional(),
    format: z.enum(DATE_FORMATS).optional(),
    split: z.string().min(1).optional(),
  })
  .refine(
    (f) => [f.column, f.columns, f.constant].filter((source) => source !== undefined).length <= 1,
    { error: 'a field takes at most one of "column", "columns" or "constant"' },
  )
  .refine(
    (f) =>
      f.column !== undefined ||
      f.columns !== undefined ||
      f.constant !== undefined ||
      f.cases !== undefined ||
      f.default !== undefined,
    { error: 'a field needs a source: "column", "columns", "constant", "cases" or "default"' },
  );

/** A column copied into `properties`: its header, the key to store it under, and how to read it. */
const propertyMappingSchema = z.union([
  columnName,
  z.strictObject({
    column: columnName,
    key: z.string().trim().min(1).optional(),
    type: z.enum(['text', 'number', 'boolean']).optional(),
  }),
]);

/**
 * The column-mapping format saved per workspace (as JSON) and sent with every CSV import.
 *
 * @example
 * columnMappingSchema.parse({
 *   entity: 'activities',
 *   timeZone: 'Europe/Berlin',
 *   fields: {
 *     externalId: { column: 'Activity ID' },
 *     channel: { column: 'Type', values: { Call: 'call', 'E-mail': 'email' } },
 *     occurredAt: { column: 'Date', format: 'DD.MM.YYYY' },
 *   },
 * });
 */
export const columnMappingSchema = z
  .strictObject({
    version: z.literal(1).optional(),
    entity: z.enum(IMPORT_ENTITIES, {
      error: `entity must be one of ${IMPORT_ENTITIES.join(', ')}`,
    }),
    /** IANA zone for naive timestamps (no Z or offset); the workspace zone when absent. */
    timeZone: z.string().trim().min(1).optional(),
    /** Date format of every date field that names none. */
    dateFormat: z.enum(DATE_FORMATS).optional(),
    fields: z.record(z.string(), fieldMappingSchema),
    /** Columns copied into `properties` (contacts and events only). */
    properties: z.array(propertyMappingSchema).optional(),
  })
  .superRefine((mapping, context) => {
    const specs = IMPORT_FIELDS[mapping.entity];
    const names = specs.filter((s) => s.type !== 'json-properties').map((s) => s.name);
    for (const field of Object.keys(mapping.fields)) {
      if (!names.includes(field)) {
        context.addIssue({
          code: 'custom',
          path: ['fields', field],
          message:
            field === 'properties'
              ? 'properties are not a field mapping; list the columns to keep under "properties" at the top level'
              : `${mapping.entity} have no field '${field}'; fields: ${names.join(', ')}`,
        });
      }
    }
    if (mapping.properties && !specs.some((s) => s.type === 'json-properties')) {
      context.addIssue({
        code: 'custom',
        path: ['properties'],
        message: `${mapping.entity} have no custom properties; only contacts and events do`,
      });
    }
  });

/** A column mapping as saved per workspace. */
export type ColumnMapping = z.infer<typeof columnMappingSchema>;
/** How one field gets its value. */
export type FieldMapping = z.infer<typeof fieldMappingSchema>;
/** One rule of a field's `cases`. */
export type FieldCase = z.infer<typeof caseSchema>;
/** One test of a case. */
export type FieldCondition = z.infer<typeof conditionSchema>;
/** A column copied into `properties`. */
export type PropertyMapping = z.infer<typeof propertyMappingSchema>;
