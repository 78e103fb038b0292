/** Counted vs excluded activities per period, stacked by reason, with the same numbers as a table. */
import { Activity } from 'lucide-react';
import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { HealthGrain } from './DataHealthPanel';
import { excludedReasonLabel, formatCount } from './data-format';
import { healthChartData, isHealthEmpty } from './health-chart-data';

/** Counted in the accent colour, each reason in a calm tone of its own. */
const REASON_COLOURS: Record<string, string> = {
  duplicate: '#c98a2b',
  no_contact: '#9aa1ad',
  internal_note: '#7a8fb8',
  system_event: '#b58db6',
  deleted: '#c0635a',
};
const FALLBACK_COLOURS = ['#6f9a8d', '#a3875f', '#8b8fbf'];
const COUNTED_COLOUR = '#3a4bd1';

export function HealthChart({
  periods,
  grain,
}: {
  periods: Parameters<typeof healthChartData>[0];
  grain: HealthGrain;
}) {
  const id = useId();
  if (isHealthEmpty(periods)) {
    return (
      <div className="data-empty" data-testid="data-health-empty">
        <Activity aria-hidden size={18} className="state__icon" />
        <p>
          No activities in the last {periods.length} {grain}s. Import your reps, then contacts, then
          activities: the chart then shows per {grain} how many count as touches and how many are
          excluded (duplicates, notes, no contact…).
        </p>
      </div>
    );
  }
  const { rows, reasons } = healthChartData(periods);
  const counted = rows.reduce((sum, row) => sum + row.counted, 0);
  const excluded = rows.reduce(
    (sum, row) => sum + reasons.reduce((s, reason) => s + Number(row[reason] ?? 0), 0),
    0,
  );
  const colour = (reason: string, index: number) =>
    REASON_COLOURS[reason] ?? FALLBACK_COLOURS[index % FALLBACK_COLOURS.length];

  return (
    <figure className="health-chart" data-testid="data-health-chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="health-chart__caption">
        Activities per {grain}: {formatCount(counted)} counted, {formatCount(excluded)} excluded
      </figcaption>
      <div className="health-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={rows} margin={{ top: 6, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e3e5e9" />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 10, fill: '#656c79' }}
              tickLine={false}
              axisLine={{ stroke: '#cdd1d8' }}
              interval="preserveStartEnd"
              minTickGap={8}
            />
            <YAxis
              tick={{ fontSize: 10, fill: '#656c79' }}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
              width={48}
              tickFormatter={(value: number) => formatCount(value)}
            />
            <Tooltip
              cursor={{ fill: 'rgb(58 75 209 / 6%)' }}
              formatter={(value, name) => [formatCount(Number(value)), String(name)]}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: '#e3e5e9' }}
            />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            <Bar
              dataKey="counted"
              name="Counted"
              stackId="a"
              fill={COUNTED_COLOUR}
              isAnimationActive={false}
            />
            {reasons.map((reason, index) => (
              <Bar
                key={reason}
                dataKey={reason}
                name={excludedReasonLabel(reason)}
                stackId="a"
                fill={colour(reason, index)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="health-chart__table">
        <summary>Show as a table</summary>
        <div className="data-table__scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{grain === 'week' ? 'Week' : 'Month'}</th>
                <th scope="col" className="data-table__num">
                  Counted
                </th>
                {reasons.map((reason) => (
                  <th key={reason} scope="col" className="data-table__num">
                    {excludedReasonLabel(reason)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">
                    {row.label}
                    {row.toDate ? <span className="is-muted"> (to date)</span> : null}
                  </th>
                  <td className="data-table__num">{formatCount(row.counted)}</td>
                  {reasons.map((reason) => (
                    <td key={reason} className="data-table__num">
                      {formatCount(Number(row[reason] ?? 0))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
