/**
 * A small inline-SVG line of a node's recent periods. Missing values leave a gap.
 * Decorative on node cards (the value is read out beside it); labelled in the panel.
 */
import type { SeriesPoint } from '@treeline/core';
import { useId } from 'react';
import type { ChangeTone } from '../lib/change-tone';
import { sparklinePath } from '../lib/sparkline-path';

export interface SparklineProps {
  series: SeriesPoint[];
  width: number;
  height: number;
  tone?: ChangeTone;
  /** An accessible description; without it the sparkline is hidden from assistive tech. */
  label?: string;
  /** Shade the area under the line (for the larger panel chart). */
  filled?: boolean;
  className?: string;
}

export function Sparkline({
  series,
  width,
  height,
  tone = 'neutral',
  label,
  filled = false,
  className,
}: SparklineProps) {
  const gradientId = useId();
  const geometry = sparklinePath(
    series.map((point) => point.value),
    { width, height, padding: 3 },
  );
  const isolated = geometry.points.filter(
    (point, i) => point && !geometry.points[i - 1] && !geometry.points[i + 1],
  );
  const first = geometry.points.find((p) => p !== null);
  const area =
    filled && geometry.last && first && geometry.path && !geometry.points.includes(null)
      ? `${geometry.path}L${geometry.last.x} ${height}L${first.x} ${height}Z`
      : null;

  return (
    <svg
      className={['sparkline', `sparkline--${tone}`, className].filter(Boolean).join(' ')}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      {geometry.path === '' ? (
        <line className="sparkline__empty" x1={3} x2={width - 3} y1={height / 2} y2={height / 2} />
      ) : null}
      {area ? (
        <>
          <defs>
            <linearGradient id={gradientId} x1="0" x2="0" y1="0" y2="1">
              <stop offset="0%" stopColor="currentColor" stopOpacity={0.16} />
              <stop offset="100%" stopColor="currentColor" stopOpacity={0} />
            </linearGradient>
          </defs>
          <path d={area} fill={`url(#${gradientId})`} stroke="none" />
        </>
      ) : null}
      {geometry.path ? <path className="sparkline__line" d={geometry.path} /> : null}
      {isolated.map((point) =>
        point ? (
          <circle key={`${point.x}`} className="sparkline__dot" cx={point.x} cy={point.y} r={1.5} />
        ) : null,
      )}
      {geometry.last ? (
        <circle
          className="sparkline__last"
          cx={geometry.last.x}
          cy={geometry.last.y}
          r={filled ? 3 : 2.25}
        />
      ) : null}
    </svg>
  );
}
