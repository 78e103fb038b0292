/**
 * The metric catalog by key, from the cached metrics query: what the editor needs to add,
 * link and describe nodes, and the panel to split them. Empty until it loads.
 */
import { useQuery } from '@tanstack/react-query';
import type { MetricEntry } from '../lib/api';
import { metricsQuery } from './queries';

const EMPTY_CATALOG: ReadonlyMap<string, MetricEntry> = new Map();

const byKey = (metrics: MetricEntry[]): ReadonlyMap<string, MetricEntry> =>
  new Map(metrics.map((metric) => [metric.key, metric]));

/** @example const catalog = useCatalog(); catalog.get('win_rate')?.unit */
export function useCatalog(): ReadonlyMap<string, MetricEntry> {
  return useQuery({ ...metricsQuery(), select: byKey }).data ?? EMPTY_CATALOG;
}
