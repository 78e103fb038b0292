/** What the metric form does on submit: create a metric, or change the custom metric it shows. */
import type { CatalogMetric, MetricChanges, MetricEntry, NewMetric } from '../lib/api';

export type MetricFormMode =
  | { kind: 'create'; create: (metric: NewMetric) => Promise<MetricEntry> }
  | {
      kind: 'edit';
      metric: CatalogMetric;
      update: (changes: MetricChanges) => Promise<MetricEntry>;
    };
