/** Where a check (dry run) or an import stands, and which mapping it ran with. */
import type { Problem } from '../lib/api';
import type { ImportResult } from './data-api';

export type ImportRun =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'done'; result: ImportResult; mappingKey: string }
  | { kind: 'error'; problem: Problem };
