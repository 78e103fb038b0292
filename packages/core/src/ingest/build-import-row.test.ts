// Tests that the fixed-shape row builders follow IMPORT_FIELDS, so slots and keys cannot drift apart.

import { describe, expect, it } from 'vitest';
import { buildImportRow } from './build-import-row';
import { IMPORT_ENTITIES } from './import-entity';
import { IMPORT_FIELDS } from './import-fields';

describe('buildImportRow', () => {
  it.each(IMPORT_ENTITIES)('builds %s rows with the keys of IMPORT_FIELDS, in order', (entity) => {
    const specs = IMPORT_FIELDS[entity];
    const slots = specs
      .filter((spec) => spec.type !== 'json-properties')
      .map((spec) => (spec.type === 'instant' ? 0 : `${spec.name}-value`));
    const row = buildImportRow(entity, slots, { k: 1 }) as unknown as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(specs.map((spec) => spec.name));
    for (const spec of specs) {
      const expected =
        spec.type === 'json-properties'
          ? { k: 1 }
          : spec.type === 'instant'
            ? new Date(0)
            : `${spec.name}-value`;
      expect(row[spec.name]).toEqual(expected);
    }
  });
});
