/**
 * The mapping editor's state and its two-way translation to the column-mapping DSL of
 * `@treeline/core`: one row per field of the entity (a column, a constant, nothing, or rules
 * kept from a preset), a value map, a date format; plus the file's time zone and date format.
 * Rules the editor cannot show as a single column (a preset's `cases`, several `columns`) are
 * kept as they are until the person picks a column or a constant instead.
 */
import {
  type ColumnMapping,
  DATE_FORMATS,
  type DateFormat,
  type FieldMapping,
  IMPORT_FIELDS,
  type ImportEntity,
  type ImportFieldSpec,
  type PropertyMapping,
} from '@treeline/core';

/** Where one field takes its value from, as the editor shows it. */
export type FieldSource = 'none' | 'column' | 'constant' | 'rules';

/** One entry of a value map: a value as the file writes it → a value in our vocabulary. */
export interface ValueMapEntry {
  from: string;
  /** Our value; '' stands for "treat as empty". */
  to: string;
}

/** One field row of the editor. */
export interface FieldDraft {
  source: FieldSource;
  column: string;
  constant: string;
  values: ValueMapEntry[];
  /** A date format for this field only; '' uses the mapping's format. */
  format: DateFormat | '';
  /** What the editor keeps but does not edit: `split`, `default`, and for `rules` the `cases`/`columns`. */
  kept: Pick<FieldMapping, 'cases' | 'columns' | 'split' | 'default'>;
}

/** The whole editor state for one entity. */
export interface MappingDraft {
  entity: ImportEntity;
  /** IANA zone for timestamps without an offset; '' uses the workspace's zone. */
  timeZone: string;
  dateFormat: DateFormat;
  fields: Record<string, FieldDraft>;
  /** Columns kept as custom properties (contacts and events). */
  properties: PropertyMapping[];
}

/** The fields the editor shows for an entity (properties are edited apart). */
export function editableFields(entity: ImportEntity): ImportFieldSpec[] {
  return IMPORT_FIELDS[entity].filter((spec) => spec.type !== 'json-properties');
}

/** True when the entity keeps other columns as custom properties. */
export function takesProperties(entity: ImportEntity): boolean {
  return IMPORT_FIELDS[entity].some((spec) => spec.type === 'json-properties');
}

const emptyField = (): FieldDraft => ({
  source: 'none',
  column: '',
  constant: '',
  values: [],
  format: '',
  kept: {},
});

/** A loose header match: case, spaces, underscores and dashes do not matter. */
function looseKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/**
 * A first draft for a file with no preset: each field takes the column whose header reads
 * like the field's name or label ("External id", "external_id", "occurredAt"...).
 *
 * @example
 * guessDraft('reps', ['External ID', 'Name', 'Team']).fields.externalId?.column; // 'External ID'
 */
export function guessDraft(entity: ImportEntity, header: readonly string[]): MappingDraft {
  const byKey = new Map<string, string>();
  for (const column of header) {
    const key = looseKey(column);
    if (key && !byKey.has(key)) byKey.set(key, column);
  }
  const fields: Record<string, FieldDraft> = {};
  for (const spec of editableFields(entity)) {
    const match =
      byKey.get(looseKey(spec.name)) ??
      byKey.get(looseKey(spec.label)) ??
      // "contactExternalId" is often written "contact" or "contact id"
      byKey.get(looseKey(spec.name.replace(/ExternalId$/, ''))) ??
      byKey.get(looseKey(spec.name.replace(/ExternalId$/, 'Id')));
    fields[spec.name] = match ? { ...emptyField(), source: 'column', column: match } : emptyField();
  }
  return { entity, timeZone: '', dateFormat: 'iso', fields, properties: [] };
}

function literalText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The editor state showing a saved mapping or a preset.
 *
 * @example
 * draftFromMapping({ entity: 'reps', fields: { externalId: { column: 'Id' }, name: { constant: 'Ann' } } })
 *   .fields.name; // { source: 'constant', constant: 'Ann', ... }
 */
export function draftFromMapping(mapping: ColumnMapping): MappingDraft {
  const fields: Record<string, FieldDraft> = {};
  for (const spec of editableFields(mapping.entity)) {
    const given = mapping.fields[spec.name];
    if (!given) {
      fields[spec.name] = emptyField();
      continue;
    }
    const values = Object.entries(given.values ?? {}).map(([from, to]) => ({
      from,
      to: literalText(to),
    }));
    const kept: FieldDraft['kept'] = {};
    if (given.split !== undefined) kept.split = given.split;
    if (given.default !== undefined) kept.default = given.default;
    const draft: FieldDraft = { ...emptyField(), values, format: given.format ?? '', kept };
    const singleColumn =
      given.column ?? (given.columns?.length === 1 ? given.columns[0] : undefined);
    if (given.cases || (given.columns && given.columns.length > 1)) {
      draft.source = 'rules';
      if (given.cases) draft.kept.cases = given.cases;
      if (given.columns) draft.kept.columns = given.columns;
      if (given.column !== undefined) draft.column = given.column;
      if (given.constant !== undefined) draft.constant = literalText(given.constant);
    } else if (singleColumn !== undefined) {
      draft.source = 'column';
      draft.column = singleColumn;
    } else if (given.constant !== undefined) {
      draft.source = 'constant';
      draft.constant = literalText(given.constant);
    } else {
      // Only a default: the editor shows it as "nothing mapped" and keeps the default.
      draft.source = 'none';
    }
    fields[spec.name] = draft;
  }
  return {
    entity: mapping.entity,
    timeZone: mapping.timeZone ?? '',
    dateFormat: mapping.dateFormat ?? 'iso',
    fields,
    properties: mapping.properties ?? [],
  };
}

/** A constant or value-map target as the DSL wants it: booleans as booleans, the rest as text. */
function literalFor(spec: ImportFieldSpec, text: string): string | boolean | null {
  if (text === '') return null;
  if (spec.type === 'boolean') {
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return text;
}

/**
 * The column mapping the draft stands for, ready to compile, import or save.
 *
 * @example
 * mappingFromDraft(guessDraft('reps', ['External ID', 'Name']));
 * // { version: 1, entity: 'reps', fields: { externalId: { column: 'External ID' }, name: { column: 'Name' } } }
 */
export function mappingFromDraft(draft: MappingDraft): ColumnMapping {
  const fields: Record<string, FieldMapping> = {};
  for (const spec of editableFields(draft.entity)) {
    const field = draft.fields[spec.name];
    if (!field) continue;
    const out: FieldMapping = {};
    if (field.source === 'column' && field.column !== '') out.column = field.column;
    else if (field.source === 'constant' && field.constant !== '') {
      out.constant = literalFor(spec, field.constant) ?? field.constant;
    } else if (field.source === 'rules') {
      if (field.kept.cases) out.cases = field.kept.cases;
      if (field.kept.columns) out.columns = field.kept.columns;
      else if (field.column !== '') out.column = field.column;
      else if (field.constant !== '') out.constant = literalFor(spec, field.constant) ?? '';
    }
    const hasSource =
      out.column !== undefined ||
      out.columns !== undefined ||
      out.constant !== undefined ||
      out.cases !== undefined;
    // A value map, split or format only means something for a value read from a column.
    const readsColumn = out.column !== undefined || out.columns !== undefined || out.cases;
    if (readsColumn) {
      const entries = field.values.filter((entry) => entry.from.trim() !== '');
      if (entries.length > 0) {
        out.values = Object.fromEntries(
          entries.map((entry) => [entry.from.trim(), literalFor(spec, entry.to)]),
        );
      }
      if (field.kept.split !== undefined) out.split = field.kept.split;
      if (field.format !== '' && (spec.type === 'instant' || spec.type === 'day')) {
        out.format = field.format;
      }
    }
    if (field.kept.default !== undefined) out.default = field.kept.default;
    if (hasSource || out.default !== undefined) fields[spec.name] = out;
  }
  const mapping: ColumnMapping = { version: 1, entity: draft.entity, fields };
  if (draft.timeZone.trim() !== '') mapping.timeZone = draft.timeZone.trim();
  if (draft.dateFormat !== 'iso') mapping.dateFormat = draft.dateFormat;
  if (draft.properties.length > 0 && takesProperties(draft.entity)) {
    mapping.properties = draft.properties;
  }
  return mapping;
}

/** Sets one field of the draft, leaving the rest as it was. */
export function withField(
  draft: MappingDraft,
  name: string,
  change: Partial<FieldDraft>,
): MappingDraft {
  const current = draft.fields[name] ?? emptyField();
  const next: FieldDraft = { ...current, ...change };
  // Picking a column or a constant replaces a preset's rules for this field.
  if (change.source && change.source !== 'rules') {
    const { cases: _cases, columns: _columns, ...rest } = next.kept;
    next.kept = rest;
  }
  return { ...draft, fields: { ...draft.fields, [name]: next } };
}

/**
 * The distinct values a column holds in the sample that an enum field does not accept as
 * they are and the value map does not cover yet: what the value-map editor offers to map.
 *
 * @example
 * const channel = importFieldSpec('activities', 'channel')!;
 * unmappedValues(channel, ['Phone Call', 'email', 'Phone Call'], []); // ['Phone Call']
 */
export function unmappedValues(
  spec: ImportFieldSpec,
  cells: readonly string[],
  entries: readonly ValueMapEntry[],
): string[] {
  const accepted = new Set((spec.values ?? []).map((value) => value.toLowerCase()));
  const mapped = new Set(entries.map((entry) => entry.from.trim().toLowerCase()));
  if (mapped.has('*')) return [];
  const seen = new Map<string, string>();
  for (const raw of cells) {
    const text = raw.trim();
    const key = text.toLowerCase();
    if (text === '' || accepted.has(key) || mapped.has(key) || seen.has(key)) continue;
    seen.set(key, text);
  }
  return [...seen.values()];
}

/** The cells of one column across the sample rows ([] when the header has no such column). */
export function columnCells(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  column: string,
): string[] {
  const index = header.indexOf(column);
  if (index === -1) return [];
  return rows.map((row) => row[index] ?? '');
}

/** True when `value` is one of the date formats the DSL reads. */
export function isDateFormat(value: string): value is DateFormat {
  return (DATE_FORMATS as readonly string[]).includes(value);
}

/**
 * A preset's rules for one field, in words, for the editor's "Preset rules" row.
 *
 * @example
 * describeKeptRules({ columns: ['Record ID', 'Activity ID'] }); // "the first non-empty of 'Record ID', 'Activity ID'"
 */
export function describeKeptRules(kept: FieldDraft['kept']): string {
  const parts: string[] = [];
  if (kept.cases) {
    const columns = new Set<string>();
    for (const rule of kept.cases) {
      for (const test of Array.isArray(rule.when) ? rule.when : [rule.when]) {
        columns.add(test.column);
      }
    }
    const named = [...columns].map((column) => `'${column}'`).join(', ');
    parts.push(`${kept.cases.length} ${kept.cases.length === 1 ? 'rule' : 'rules'} on ${named}`);
  }
  if (kept.columns) {
    const named = kept.columns.map((column) => `'${column}'`).join(', ');
    parts.push(
      kept.cases ? `else the first non-empty of ${named}` : `the first non-empty of ${named}`,
    );
  }
  return parts.join(', ');
}
