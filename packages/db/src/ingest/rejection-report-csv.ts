/**
 * An import's rejected rows as the CSV report people download (API) or find beside their
 * file (CLI): row, column, field, value, reason; RFC 4180 quoting and line ends.
 */
import type { ImportRowError } from '@treeline/core';

/**
 * @example rejectionReportCsv([{ row: 2, column: 'Type', field: 'channel', value: 'Fax', reason: '…' }])
 * // 'row,column,field,value,reason\r\n2,Type,channel,Fax,…\r\n'
 */
export function rejectionReportCsv(rows: readonly ImportRowError[]): string {
  const lines = [['row', 'column', 'field', 'value', 'reason']];
  for (const r of rows) {
    lines.push([String(r.row), r.column ?? '', r.field ?? '', r.value ?? '', r.reason]);
  }
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A CSV cell, quoted when it holds a delimiter, quote or line break. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
