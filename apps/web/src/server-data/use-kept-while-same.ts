/**
 * The last value a query gave for the same subject (a tree), kept while its next answer
 * loads or after that answer failed: the tree screen dims old numbers rather than blank
 * them. Another subject starts empty.
 */
import { useState } from 'react';

/** @example const shown = useKeptWhileSame(treeId, treeView.data); */
export function useKeptWhileSame<T>(subject: string | null, value: T | undefined): T | undefined {
  const [kept, setKept] = useState<{ subject: string | null; value: T } | null>(null);
  if (value !== undefined && (kept?.subject !== subject || kept.value !== value)) {
    setKept({ subject, value });
  }
  if (value !== undefined) return value;
  return kept?.subject === subject ? kept.value : undefined;
}
