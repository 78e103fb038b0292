/**
 * A metric split by a dimension as horizontal bars, one per dimension value, largest
 * first. Values without data are left out of the bars (the table beside says "no data").
 */
import type { MetricUnit } from '@treeline/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMetricValue, formatPercentChange } from '../../lib/format';
import type { SplitRow } from '../../metric-page/split-rows';
import { CHART_AXIS, CHART_GRID, CHART_TICK, splitColour } from './chart-theme';

export interface SplitBarChartProps {
  rows: SplitRow[];
  unit: MetricUnit;
  /** Room for the value labels on the left. */
  labelWidth?: number;
}

export function SplitBarChart({ rows, unit, labelWidth = 96 }: SplitBarChartProps) {
  // Colours follow the rows' order, so a bar and its pie slice match.
  const data = rows
    .map((row, rowIndex) => ({ ...row, rowIndex }))
    .filter((row) => row.amount !== null);
  const height = Math.max(60, data.length * 26 + 28);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 2, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={CHART_GRID} />
        <XAxis
          type="number"
          tick={CHART_TICK}
          tickLine={false}
          axisLine={{ stroke: CHART_AXIS }}
          tickFormatter={(value: number) => formatMetricValue(value, unit)}
        />
        <YAxis
          type="category"
          dataKey="label"
          tick={CHART_TICK}
          tickLine={false}
          axisLine={false}
          width={labelWidth}
        />
        <Tooltip
          cursor={{ fill: 'rgb(58 75 209 / 6%)' }}
          content={(props: TooltipContentProps) => <SplitTooltip {...props} unit={unit} />}
        />
        <Bar dataKey="amount" name="Value" barSize={14} isAnimationActive={false}>
          {data.map((row) => (
            <Cell key={row.value ?? '∅'} fill={splitColour(row.rowIndex)} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

function SplitTooltip({ active, payload, unit }: TooltipContentProps & { unit: MetricUnit }) {
  const row = payload?.[0]?.payload as SplitRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{row.label}</p>
      <p>
        <strong>{formatMetricValue(row.amount, unit)}</strong>
      </p>
      <p className="chart-tooltip__muted">
        vs previous {formatMetricValue(row.previous, unit)}: {formatPercentChange(row.growth)}
      </p>
    </div>
  );
}
