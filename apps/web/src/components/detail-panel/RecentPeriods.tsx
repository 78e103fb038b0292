/** A node's value in each recent period, newest first, as a table. */
import type { NodeView } from '@treeline/core';
import { formatMetricValue } from '../../lib/format';

export function RecentPeriods({ node }: { node: NodeView }) {
  return (
    <section className="panel__section" aria-label="Recent periods">
      <h3 className="panel__subtitle">Recent periods</h3>
      <table className="series-table">
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {[...node.series].reverse().map((point) => (
            <tr key={point.periodStart}>
              <th scope="row">{point.label}</th>
              <td className={point.value === null ? 'is-empty' : undefined}>
                {formatMetricValue(point.value, node.unit)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
