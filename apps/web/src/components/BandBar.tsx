/**
 * A node's target or benchmark band as a small bar with a marker for the value: the band
 * shaded, the marker coloured by whether the value is below, within or above it.
 */
import type { MetricUnit, NodeBandView } from '@treeline/core';
import { bandScale } from '../lib/band-scale';
import { formatMetricValue } from '../lib/format';

const STATUS_WORDS = {
  below: 'below the band',
  within: 'within the band',
  above: 'above the band',
};

/** The band in words, e.g. "Benchmark (Mid-market outbound) 8–14: 11.2, within the band". */
export function describeBand(band: NodeBandView, unit: MetricUnit): string {
  const end = (v: number | null) => (v === null ? 'open' : formatMetricValue(v, unit));
  const what =
    band.kind === 'benchmark'
      ? `Benchmark${band.motion ? ` (${band.motion})` : ''}${band.window ? `, over ${band.window.days} days` : ''}`
      : 'Target';
  const where =
    band.value === null
      ? 'no data'
      : `${formatMetricValue(band.value, unit)}${band.status ? `, ${STATUS_WORDS[band.status]}` : ''}`;
  return `${what} ${end(band.min)}–${end(band.max)}: ${where}`;
}

export function BandBar({
  band,
  unit,
  width = 116,
}: {
  band: NodeBandView;
  unit: MetricUnit;
  width?: number;
}) {
  const scale = bandScale(band);
  if (!scale) return null;
  const label = describeBand(band, unit);
  return (
    <span
      className={`band-bar band-bar--${band.status ?? 'none'}`}
      style={{ width }}
      role="img"
      aria-label={label}
      title={label}
    >
      <span
        className="band-bar__band"
        style={{ left: `${scale.from * 100}%`, width: `${(scale.to - scale.from) * 100}%` }}
      />
      {scale.marker !== null ? (
        <span className="band-bar__marker" style={{ left: `${scale.marker * 100}%` }} />
      ) : null}
    </span>
  );
}
