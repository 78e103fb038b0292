// A ready-made column mapping for a known CRM export, as the web app offers it.

import type { ColumnMapping } from './column-mapping';
import type { ImportEntity } from './import-entity';

/** CRMs whose exports have presets. */
export type ImportSystem = 'hubspot' | 'salesforce';

/** A column mapping for one export layout of one CRM object. */
export interface ImportPreset {
  key: string;
  label: string;
  system: ImportSystem;
  entity: ImportEntity;
  mapping: ColumnMapping;
  description: string;
  /** Columns typical of this export (used or not) by which detectPreset recognises it. */
  recognizedColumns: readonly string[];
}
