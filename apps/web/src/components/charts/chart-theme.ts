/** The colours and text styles every chart shares, matching styles.css (WCAG AA on white). */
export const CHART_ACCENT = '#3a4bd1';
export const CHART_GROWTH_UP = '#146c35';
export const CHART_GROWTH_DOWN = '#b1241a';
export const CHART_GRID = '#e3e5e9';
export const CHART_AXIS = '#cdd1d8';
export const CHART_TICK = { fontSize: 10, fill: '#656c79' } as const;

/** Distinct, calm colours for the parts of a split, in order. */
export const SPLIT_COLOURS = [
  '#3a4bd1',
  '#c98a2b',
  '#2f8a6b',
  '#b35a9a',
  '#5a8fc2',
  '#8a6d3b',
  '#7a7fa8',
  '#c0635a',
  '#4f9a9a',
  '#9aa1ad',
] as const;

/** The colour of the `index`th part. */
export function splitColour(index: number): string {
  return SPLIT_COLOURS[index % SPLIT_COLOURS.length]!;
}
