/** A split as bars and, where its parts add up to a whole, as a pie of their shares. */

import type { PeriodView } from '@treeline/core';
import { LazySplitBarChart, LazySplitPieChart } from '../components/charts/lazy-charts';
import type { MetricEntry } from '../lib/api';
import type { splitTable } from './split-rows';

export function SplitFigures({
  metric,
  table,
  period,
  dimensionLabel,
  numeratorName,
}: {
  metric: MetricEntry;
  table: ReturnType<typeof splitTable>;
  period: PeriodView;
  dimensionLabel: string;
  numeratorName: string | null;
}) {
  return (
    <div className="mp-split">
      <figure className="mp-split__bars" data-testid="split-bar-chart">
        <figcaption className="mp-split__caption">
          {metric.name} by {dimensionLabel.toLowerCase()}, {period.label}
          {period.toDate ? ' (to date)' : ''}
        </figcaption>
        <div aria-hidden="true">
          <LazySplitBarChart rows={table.rows} unit={metric.unit} labelWidth={112} />
        </div>
      </figure>
      <figure className="mp-split__pie" data-testid="split-pie-chart">
        <figcaption className="mp-split__caption">
          {table.pieBasis === 'value'
            ? 'Share of the total'
            : table.pieBasis === 'numerator'
              ? `Share of ${numeratorName ? numeratorName.toLowerCase() : 'the numerator'}`
              : 'Shares'}
        </figcaption>
        {table.pieBasis && table.slices.length > 0 ? (
          <div aria-hidden="true">
            <LazySplitPieChart slices={table.slices} size={180} />
          </div>
        ) : (
          <p className="mp-card__text">
            No pie: the parts of {metric.name.toLowerCase()} by {dimensionLabel.toLowerCase()} do
            not add up to the whole (each is a rate of its own), so compare them in the bars.
          </p>
        )}
      </figure>
    </div>
  );
}
