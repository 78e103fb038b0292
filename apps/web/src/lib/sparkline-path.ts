/**
 * The geometry of a sparkline: an SVG path through a series scaled into a box, with a
 * gap wherever a value is missing (a gap is "no data", not a dip to 0).
 */

export interface SparklineGeometry {
  /** SVG path data; empty when there is nothing to draw. */
  path: string;
  /** Each drawn point (null for a missing value), for markers and hover. */
  points: Array<{ x: number; y: number } | null>;
  /** The last point with a value: the current period, marked with a dot. */
  last: { x: number; y: number } | null;
  min: number | null;
  max: number | null;
}

/**
 * @example sparklinePath([1, 2, null, 4], { width: 60, height: 20, padding: 2 }).path
 *   // "M2 18L20.67 12.67M58 2" — a gap where the value is null
 */
export function sparklinePath(
  values: ReadonlyArray<number | null>,
  box: { width: number; height: number; padding?: number },
): SparklineGeometry {
  const padding = box.padding ?? 2;
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0)
    return { path: '', points: values.map(() => null), last: null, min: null, max: null };
  const min = Math.min(...present);
  const max = Math.max(...present);
  const innerWidth = box.width - 2 * padding;
  const innerHeight = box.height - 2 * padding;
  const step = values.length > 1 ? innerWidth / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  const points = values.map((value, i) => {
    if (value === null || !Number.isFinite(value)) return null;
    // A flat series sits in the middle rather than on the floor.
    const share = max === min ? 0.5 : (value - min) / (max - min);
    const x = values.length > 1 ? padding + i * step : box.width / 2;
    return { x: round(x), y: round(padding + (1 - share) * innerHeight) };
  });
  let path = '';
  let penDown = false;
  for (const point of points) {
    if (!point) {
      penDown = false;
      continue;
    }
    path += `${penDown ? 'L' : 'M'}${point.x} ${point.y}`;
    penDown = true;
  }
  const last = [...points].reverse().find((p) => p !== null) ?? null;
  return { path, points, last, min, max };
}
