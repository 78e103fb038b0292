/** A select of catalog metrics (a ratio's numerator or denominator). */
import type { CatalogMetric } from '../lib/api';
import { FormField } from './FormField';

export function CatalogMetricPicker({
  label,
  id,
  field,
  error,
  catalog,
  value,
  onChange,
}: {
  label: string;
  id: string;
  field: Record<string, unknown>;
  error: string | undefined;
  catalog: CatalogMetric[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <FormField label={label} htmlFor={id} error={error}>
      <select {...field} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Pick a metric…</option>
        {catalog.map((metric) => (
          <option key={metric.key} value={metric.key}>
            {metric.name} ({metric.key})
          </option>
        ))}
      </select>
    </FormField>
  );
}
