// Picks the preset whose export layout a CSV header matches best, so an upload starts with the right mapping.

import { compileMapping, headerKey } from './compile-mapping';
import type { ImportPreset } from './import-preset';
import { IMPORT_PRESETS } from './import-presets';

/** Evidence below this is not enough to name an export (a few generic columns like Id and Email). */
const MIN_SCORE = 1.5;
const MIN_MATCHED = 3;

/**
 * The preset whose typical columns `header` shows best, among those whose required columns are all
 * present; null when none fits. Each recognised column counts 1 / (number of presets that know it),
 * so distinctive columns (TaskSubtype, IsConverted, Deal Stage) outweigh shared ones (Id, Email).
 * Headers match case-insensitively; ties go to the preset that matched more columns.
 *
 * @example
 * detectPreset(['Id', 'WhoId', 'OwnerId', 'Subject', 'Status', 'TaskSubtype', 'ActivityDate', 'CreatedDate'])?.key;
 * // 'salesforce-tasks'
 */
export function detectPreset(
  header: readonly string[],
  presets: readonly ImportPreset[] = IMPORT_PRESETS,
): ImportPreset | null {
  const keys = new Set(header.map(headerKey));
  const knownBy = new Map<string, number>();
  for (const preset of presets) {
    for (const key of new Set(preset.recognizedColumns.map(headerKey))) {
      knownBy.set(key, (knownBy.get(key) ?? 0) + 1);
    }
  }
  let best: { preset: ImportPreset; score: number; matched: number } | null = null;
  for (const preset of presets) {
    let score = 0;
    let matched = 0;
    for (const key of new Set(preset.recognizedColumns.map(headerKey))) {
      if (!keys.has(key)) continue;
      matched++;
      score += 1 / (knownBy.get(key) ?? 1);
    }
    if (matched < MIN_MATCHED || score < MIN_SCORE) continue;
    if (
      best !== null &&
      (score < best.score || (score === best.score && matched <= best.matched))
    ) {
      continue;
    }
    if (!compileMapping(preset.mapping, header).ok) continue;
    best = { preset, score, matched };
  }
  return best?.preset ?? null;
}
