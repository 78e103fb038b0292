/**
 * An intervention's weekly series: the treated scope as a solid line, the comparison (when
 * there is one) dashed, the start date as a marked vertical line and the weeks since shaded.
 * Weeks with no data leave gaps. Drawn with recharts: load it through lazy-charts.tsx.
 */
import type { MetricUnit } from '@treeline/core';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMetricValue } from '../../lib/format';
import { CHART_ACCENT, CHART_AXIS, CHART_GRID, CHART_TICK, splitColour } from './chart-theme';

export interface InterventionChartProps {
  periods: { start: string; label: string }[];
  treated: (number | null)[];
  comparison: (number | null)[] | null;
  startIndex: number;
  unit: MetricUnit;
  treatedLabel: string;
  comparisonLabel: string | null;
  startLabel: string;
  height: number;
}

const COMPARISON_COLOUR = splitColour(1);

export function InterventionChart({
  periods,
  treated,
  comparison,
  startIndex,
  unit,
  treatedLabel,
  comparisonLabel,
  startLabel,
  height,
}: InterventionChartProps) {
  const rows = periods.map((p, index) => ({
    label: p.label,
    treated: treated[index] ?? null,
    comparison: comparison?.[index] ?? null,
  }));
  const startAt = periods[Math.min(startIndex, periods.length - 1)]?.label;
  const lastLabel = periods[periods.length - 1]?.label;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 20, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={CHART_GRID} />
        {startAt && lastLabel && startIndex < periods.length ? (
          <ReferenceArea x1={startAt} x2={lastLabel} fill={CHART_ACCENT} fillOpacity={0.05} />
        ) : null}
        <XAxis
          dataKey="label"
          tick={CHART_TICK}
          tickLine={false}
          axisLine={{ stroke: CHART_AXIS }}
          interval="preserveStartEnd"
          minTickGap={16}
        />
        <YAxis
          tick={CHART_TICK}
          tickLine={false}
          axisLine={false}
          width={56}
          domain={['auto', 'auto']}
          tickFormatter={(value: number) => formatMetricValue(value, unit)}
        />
        <Tooltip
          formatter={(value) => formatMetricValue(typeof value === 'number' ? value : null, unit)}
          cursor={{ stroke: CHART_AXIS }}
        />
        <Legend
          verticalAlign="top"
          height={24}
          iconType="plainline"
          wrapperStyle={{ fontSize: 12 }}
        />
        {startAt ? (
          <ReferenceLine
            x={startAt}
            stroke="#1f2430"
            strokeDasharray="4 3"
            label={{
              value: `Start ${startLabel}`,
              position: 'insideTopLeft',
              fontSize: 11,
              fill: '#1f2430',
            }}
          />
        ) : null}
        <Line
          dataKey="treated"
          name={treatedLabel}
          type="linear"
          stroke={CHART_ACCENT}
          strokeWidth={2}
          dot={{ r: 2.5, fill: CHART_ACCENT }}
          connectNulls={false}
          isAnimationActive={false}
        />
        {comparison ? (
          <Line
            dataKey="comparison"
            name={comparisonLabel ?? 'Comparison'}
            type="linear"
            stroke={COMPARISON_COLOUR}
            strokeWidth={2}
            strokeDasharray="5 3"
            dot={{ r: 2.5, fill: COMPARISON_COLOUR }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ) : null}
      </LineChart>
    </ResponsiveContainer>
  );
}
