/** The rows each entity holds and how long ago it was last imported. */
import { ENTITY_LABELS, formatCount, formatDateTime, formatRelativeTime } from './data-format';

const ENTITY_ORDER = ['reps', 'contacts', 'activities', 'deals', 'capacity', 'events'];

export function Freshness({
  totals,
  freshness,
  lastImportAt,
}: {
  totals: Record<string, number>;
  freshness: Array<{ entity: string; finishedAt: string; rowsRead: number; origin: string }>;
  lastImportAt: string | null;
}) {
  const now = new Date();
  const byEntity = new Map(freshness.map((entry) => [entry.entity, entry]));
  const entities = [
    ...ENTITY_ORDER.filter((entity) => entity in totals || byEntity.has(entity)),
    ...Object.keys(totals).filter((entity) => !ENTITY_ORDER.includes(entity)),
  ];
  return (
    <div className="freshness">
      {lastImportAt === null ? (
        <p className="freshness__empty" data-testid="data-health-never-imported">
          Nothing imported yet
          {Object.values(totals).some((n) => n > 0)
            ? ': the rows below were seeded, not imported'
            : ''}
          . Start with a CSV of your reps (an external id and a name per rep), then contacts, then
          activities, or send them through the bulk API.
        </p>
      ) : null}
      <table className="data-table freshness__table">
        <caption className="visually-hidden">Rows held and last import, per entity</caption>
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col" className="data-table__num">
              Rows held
            </th>
            <th scope="col">Last import</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((entity) => {
            const last = byEntity.get(entity);
            return (
              <tr key={entity} data-testid={`freshness-${entity}`}>
                <th scope="row">{ENTITY_LABELS[entity as keyof typeof ENTITY_LABELS] ?? entity}</th>
                <td className="data-table__num">{formatCount(totals[entity] ?? 0)}</td>
                <td title={last ? formatDateTime(last.finishedAt) : undefined}>
                  {last ? (
                    formatRelativeTime(last.finishedAt, now)
                  ) : (
                    <span className="is-empty">never</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
