/**
 * A split as a table: per dimension value its value, its share of the whole (when the
 * parts add up), the previous period's value and the change. The same numbers the bar and
 * the pie draw, readable by everyone.
 */
import type { MetricUnit } from '@treeline/core';
import { formatMetricValue, formatPercentChange, NO_DATA } from '../lib/format';
import type { SplitTable } from './split-rows';

const share = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function SplitTableView({
  table,
  unit,
  dimensionLabel,
  numeratorName = null,
  periodLabel,
  previousLabel,
}: {
  table: SplitTable;
  unit: MetricUnit;
  dimensionLabel: string;
  /** What the shares are of, when the parts are a ratio's numerators. */
  numeratorName?: string | null;
  periodLabel: string;
  previousLabel: string | null;
}) {
  const shares = new Map(table.slices.map((slice) => [slice.value, slice.share]));
  return (
    <table className="mp-table" data-testid="split-table">
      <caption className="visually-hidden">
        By {dimensionLabel.toLowerCase()}, {periodLabel}
      </caption>
      <thead>
        <tr>
          <th scope="col">{dimensionLabel}</th>
          <th scope="col" className="mp-table__num">
            {periodLabel}
          </th>
          {table.pieBasis ? (
            <th scope="col" className="mp-table__num">
              {table.pieBasis === 'numerator'
                ? `Share of ${numeratorName ? numeratorName.toLowerCase() : 'numerator'}`
                : 'Share'}
            </th>
          ) : null}
          <th scope="col" className="mp-table__num">
            {previousLabel ?? 'Previous'}
          </th>
          <th scope="col" className="mp-table__num">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => {
          const rowShare = shares.get(row.value);
          return (
            <tr key={row.value ?? '∅'} data-testid="split-row">
              <th scope="row">{row.label}</th>
              <td className={`mp-table__num${row.amount === null ? ' is-empty' : ''}`}>
                {formatMetricValue(row.amount, unit)}
              </td>
              {table.pieBasis ? (
                <td className="mp-table__num">
                  {rowShare === undefined ? NO_DATA : share.format(rowShare / 100)}
                </td>
              ) : null}
              <td className={`mp-table__num${row.previous === null ? ' is-empty' : ''}`}>
                {formatMetricValue(row.previous, unit)}
              </td>
              <td className={`mp-table__num${row.growth === null ? ' is-empty' : ''}`}>
                {formatPercentChange(row.growth)}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">All</th>
          <td className={`mp-table__num${table.total === null ? ' is-empty' : ''}`}>
            {formatMetricValue(table.total, unit)}
          </td>
          {table.pieBasis ? <td /> : null}
          <td />
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
