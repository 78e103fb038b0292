/**
 * What a node's value is judged against: nothing, a target band of its own metric (either
 * end may stay open), or the benchmark band of the tree's outbound motion (touches per
 * contact over the tree's outbound window).
 */
import {
  BENCHMARK_MOTIONS,
  type BenchmarkMotionKey,
  type MetricUnit,
  type NodeBand,
} from '@treeline/core';
import { useId, useState } from 'react';
import { formatMetricValue, formatMotionChoice } from '../lib/format';

type Kind = 'none' | 'target' | 'benchmark';

function parseEnd(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : 'invalid';
}

export function BandEditor({
  band,
  unit,
  motion,
  onBandChange,
  onMotionChange,
}: {
  band: NodeBand | null;
  unit: MetricUnit;
  motion: BenchmarkMotionKey | null;
  onBandChange: (band: NodeBand | null) => void;
  onMotionChange: (motion: BenchmarkMotionKey | null) => void;
}) {
  const id = useId();
  const kind: Kind = band?.kind ?? 'none';
  const [min, setMin] = useState(
    band?.kind === 'target' && band.min !== null ? String(band.min) : '',
  );
  const [max, setMax] = useState(
    band?.kind === 'target' && band.max !== null ? String(band.max) : '',
  );
  const parsedMin = parseEnd(min);
  const parsedMax = parseEnd(max);
  const error =
    parsedMin === 'invalid' || parsedMax === 'invalid'
      ? 'Enter numbers, or leave an end empty to keep it open.'
      : parsedMin === null && parsedMax === null
        ? 'Give a minimum, a maximum or both.'
        : parsedMin !== null && parsedMax !== null && parsedMin > parsedMax
          ? 'The minimum must not exceed the maximum.'
          : null;

  function commitTarget() {
    if (error || parsedMin === 'invalid' || parsedMax === 'invalid') return;
    if (band?.kind === 'target' && band.min === parsedMin && band.max === parsedMax) return;
    onBandChange({ kind: 'target', min: parsedMin, max: parsedMax });
  }

  const motionInfo = BENCHMARK_MOTIONS.find((m) => m.key === motion);
  const hint =
    unit === 'percent'
      ? ' (in %)'
      : unit === 'hours'
        ? ' (hours)'
        : unit === 'duration'
          ? ' (seconds)'
          : '';

  return (
    <div className="band-editor">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-kind`}>
          Judged against
        </label>
        <select
          id={`${id}-kind`}
          className="input"
          value={kind}
          onChange={(event) => {
            const next = event.target.value as Kind;
            if (next === 'none') onBandChange(null);
            else if (next === 'benchmark') onBandChange({ kind: 'benchmark' });
            else {
              const lo = parseEnd(min);
              const hi = parseEnd(max);
              onBandChange({
                kind: 'target',
                min: lo === 'invalid' ? null : lo,
                max: hi === 'invalid' ? null : hi,
              });
            }
          }}
        >
          <option value="none">Nothing</option>
          <option value="target">A target band</option>
          <option value="benchmark">The motion's benchmark</option>
        </select>
      </div>
      {kind === 'target' ? (
        <>
          <div className="band-editor__row">
            <div className="field">
              <label className="field__label" htmlFor={`${id}-min`}>
                Minimum{hint}
              </label>
              <input
                id={`${id}-min`}
                className="input"
                inputMode="decimal"
                value={min}
                placeholder="open"
                onChange={(event) => setMin(event.target.value)}
                onBlur={commitTarget}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') commitTarget();
                }}
                aria-invalid={error !== null}
                aria-describedby={error ? `${id}-error` : undefined}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${id}-max`}>
                Maximum{hint}
              </label>
              <input
                id={`${id}-max`}
                className="input"
                inputMode="decimal"
                value={max}
                placeholder="open"
                onChange={(event) => setMax(event.target.value)}
                onBlur={commitTarget}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') commitTarget();
                }}
                aria-invalid={error !== null}
                aria-describedby={error ? `${id}-error` : undefined}
              />
            </div>
          </div>
          {error ? (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          ) : (
            <p className="field__hint">
              In band from{' '}
              {parsedMin === null ? 'any value' : formatMetricValue(parsedMin as number, unit)} to{' '}
              {parsedMax === null ? 'any value' : formatMetricValue(parsedMax as number, unit)}.
            </p>
          )}
        </>
      ) : null}
      {kind === 'benchmark' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-motion`}>
            The tree's motion
          </label>
          <select
            id={`${id}-motion`}
            className="input"
            value={motion ?? ''}
            onChange={(event) =>
              onMotionChange((event.target.value || null) as BenchmarkMotionKey | null)
            }
            aria-invalid={motion === null}
          >
            <option value="">Choose a motion…</option>
            {BENCHMARK_MOTIONS.map((m) => (
              <option key={m.key} value={m.key}>
                {formatMotionChoice(m)}
              </option>
            ))}
          </select>
          <p className="field__hint">
            {motionInfo
              ? `${motionInfo.min}–${motionInfo.max}${motionInfo.openAbove ? ' or more' : ''} touches per contact over the tree's outbound window, whatever the grain on screen.`
              : 'Benchmarks compare touches per contact over the outbound window with a published range.'}
          </p>
        </div>
      ) : null}
    </div>
  );
}
