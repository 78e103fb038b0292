/** What an imported value can be mapped to for a field. */
import type { ImportFieldSpec } from '@treeline/core';

/** The targets a value can map to: the enum's values, or true/false. */
export function targetsOf(spec: ImportFieldSpec): readonly string[] {
  return spec.type === 'boolean' ? ['true', 'false'] : (spec.values ?? []);
}
