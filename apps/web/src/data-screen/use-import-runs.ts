/**
 * The check (a dry run over every row, nothing written) and the import of an uploaded file
 * with a mapping, each with its state, and what is announced to screen readers meanwhile.
 */
import type { ColumnMapping } from '@treeline/core';
import { useState } from 'react';
import { toProblem } from '../lib/api';
import { dataApi } from './data-api';
import type { ImportRun } from './import-run';

/** @example const { check, commit, run } = useImportRuns(setAnnouncement, onImported); */
export function useImportRuns(setAnnouncement: (text: string) => void, onImported: () => void) {
  const [check, setCheck] = useState<ImportRun>({ kind: 'idle' });
  const [commit, setCommit] = useState<ImportRun>({ kind: 'idle' });

  async function run(dryRun: boolean, uploadId: string, mapping: ColumnMapping, key: string) {
    const setRun = dryRun ? setCheck : setCommit;
    setRun({ kind: 'running' });
    setAnnouncement(dryRun ? 'Checking the file…' : 'Importing…');
    try {
      const outcome = await dataApi.runImport(uploadId, { mapping }, dryRun);
      setRun({ kind: 'done', result: outcome.result, mappingKey: key });
      const result = outcome.result;
      if (dryRun) {
        setAnnouncement(
          `Check finished: ${result.inserted} to insert, ${result.updated} to update, ${result.unchanged} unchanged, ${result.rejected} rejected.`,
        );
      } else if (outcome.kind === 'refused') {
        // The alert region announces the refusal itself.
        setAnnouncement('');
        onImported();
      } else {
        setAnnouncement(
          `Imported ${result.rowsRead} rows: ${result.inserted} inserted, ${result.updated} updated, ${result.unchanged} unchanged.`,
        );
        onImported();
      }
    } catch (error) {
      setRun({ kind: 'error', problem: toProblem(error) });
      setAnnouncement('');
    }
  }

  return { check, setCheck, commit, setCommit, run };
}
