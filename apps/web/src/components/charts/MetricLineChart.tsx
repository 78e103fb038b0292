/**
 * A metric's value over periods as a line, with period-over-period growth: in the tooltip
 * always, and as bars on a right-hand percent axis when `showGrowth`. Missing values leave
 * gaps (never a drop to 0). Drawn with recharts: load it through lazy-charts.tsx.
 */
import type { MetricUnit } from '@treeline/core';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMetricValue, formatPercentChange } from '../../lib/format';
import type { GrowthRow } from '../../metric-page/growth-rows';
import {
  CHART_ACCENT,
  CHART_AXIS,
  CHART_GRID,
  CHART_GROWTH_DOWN,
  CHART_GROWTH_UP,
  CHART_TICK,
} from './chart-theme';

export interface MetricLineChartProps {
  rows: GrowthRow[];
  unit: MetricUnit;
  height: number;
  /** Growth in percent as bars on a second axis (the metric page); the panel keeps it in the tooltip. */
  showGrowth?: boolean;
  /** The series' name in the tooltip. */
  name?: string;
}

export function MetricLineChart({
  rows,
  unit,
  height,
  showGrowth = false,
  name = 'Value',
}: MetricLineChartProps) {
  const compact = !showGrowth;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart
        data={rows}
        margin={{ top: 6, right: showGrowth ? 0 : 6, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={CHART_GRID} />
        <XAxis
          dataKey="label"
          tick={CHART_TICK}
          tickLine={false}
          axisLine={{ stroke: CHART_AXIS }}
          interval="preserveStartEnd"
          minTickGap={compact ? 24 : 12}
        />
        <YAxis
          yAxisId="value"
          tick={CHART_TICK}
          tickLine={false}
          axisLine={false}
          width={compact ? 44 : 64}
          tickFormatter={(value: number) => formatMetricValue(value, unit)}
        />
        {showGrowth ? (
          <YAxis
            yAxisId="growth"
            orientation="right"
            tick={CHART_TICK}
            tickLine={false}
            axisLine={false}
            width={48}
            tickFormatter={(value: number) => formatPercentChange(value)}
          />
        ) : null}
        <Tooltip
          content={(props: TooltipContentProps) => (
            <GrowthTooltip {...props} unit={unit} name={name} />
          )}
          cursor={{ stroke: CHART_AXIS }}
        />
        {showGrowth ? (
          <Bar
            yAxisId="growth"
            dataKey="growth"
            name="Growth"
            barSize={10}
            isAnimationActive={false}
          >
            {rows.map((row) => (
              <Cell
                key={row.periodStart}
                fill={(row.growth ?? 0) < 0 ? CHART_GROWTH_DOWN : CHART_GROWTH_UP}
                fillOpacity={0.35}
              />
            ))}
          </Bar>
        ) : null}
        <Line
          yAxisId="value"
          dataKey="value"
          name={name}
          type="monotone"
          stroke={CHART_ACCENT}
          strokeWidth={2}
          dot={{ r: compact ? 2 : 3, fill: CHART_ACCENT }}
          activeDot={{ r: 4 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}

function GrowthTooltip({
  active,
  payload,
  unit,
  name,
}: TooltipContentProps & { unit: MetricUnit; name: string }) {
  const row = payload?.[0]?.payload as GrowthRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">
        {row.label}
        {row.toDate ? ' (to date)' : ''}
      </p>
      <p>
        {name}: <strong>{formatMetricValue(row.value, unit)}</strong>
      </p>
      <p className="chart-tooltip__muted">
        vs previous {formatMetricValue(row.previous, unit)}: {formatPercentChange(row.growth)}
      </p>
    </div>
  );
}
