// The kinds of CRM records Treeline imports, one per target table.

/** What an import file or API batch holds: one entity per import. */
export type ImportEntity = 'contacts' | 'activities' | 'deals' | 'reps' | 'capacity' | 'events';

/**
 * Every import entity, in the order the web app lists them.
 *
 * @example
 * IMPORT_ENTITIES.includes('deals'); // true
 */
export const IMPORT_ENTITIES = [
  'contacts',
  'activities',
  'deals',
  'reps',
  'capacity',
  'events',
] as const satisfies readonly ImportEntity[];

/**
 * True when `value` names an import entity.
 *
 * @example
 * isImportEntity('events'); // true
 * isImportEntity('tickets'); // false
 */
export function isImportEntity(value: unknown): value is ImportEntity {
  return typeof value === 'string' && (IMPORT_ENTITIES as readonly string[]).includes(value);
}
