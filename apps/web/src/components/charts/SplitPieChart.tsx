/**
 * The shares of a split as a pie (a donut), for parts that add up to the whole. The
 * shares are listed beside it, so the pie never has to be read on its own.
 */
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import type { SplitTable } from '../../metric-page/split-rows';
import { splitColour } from './chart-theme';

const percent = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export interface SplitPieChartProps {
  slices: SplitTable['slices'];
  size: number;
}

export function SplitPieChart({ slices, size }: SplitPieChartProps) {
  return (
    <ResponsiveContainer width="100%" height={size}>
      <PieChart accessibilityLayer={false}>
        <Pie
          data={slices}
          dataKey="share"
          nameKey="label"
          innerRadius="52%"
          outerRadius="92%"
          paddingAngle={1}
          stroke="#ffffff"
          isAnimationActive={false}
        >
          {slices.map((slice) => (
            <Cell key={slice.value ?? '∅'} fill={splitColour(slice.rowIndex)} />
          ))}
        </Pie>
        <Tooltip
          formatter={(value, name) => [percent.format(Number(value) / 100), String(name)]}
          contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: '#e3e5e9' }}
        />
      </PieChart>
    </ResponsiveContainer>
  );
}
