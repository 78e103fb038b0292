/**
 * Data health: per week or month, the activities counted as touches and those stored but
 * excluded (by reason) as a stacked bar chart with the same numbers as a table for screen
 * readers; the rows held per entity; and how long ago each entity was last imported.
 */
import { useQuery } from '@tanstack/react-query';
import { Activity } from 'lucide-react';
import { useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ProblemState } from '../components/ProblemState';
import { SkeletonLine } from '../components/Skeleton';
import { dataHealthQuery } from '../server-data/queries';
import { resourceOf } from '../server-data/resource';
import {
  ENTITY_LABELS,
  excludedReasonLabel,
  formatCount,
  formatDateTime,
  formatRelativeTime,
} from './data-format';
import { healthChartData, isHealthEmpty } from './health-chart-data';

type HealthGrain = 'week' | 'month';

/** Counted in the accent colour, each reason in a calm tone of its own. */
const REASON_COLOURS: Record<string, string> = {
  duplicate: '#c98a2b',
  no_contact: '#9aa1ad',
  internal_note: '#7a8fb8',
  system_event: '#b58db6',
  deleted: '#c0635a',
};
const FALLBACK_COLOURS = ['#6f9a8d', '#a3875f', '#8b8fbf'];
const COUNTED_COLOUR = '#3a4bd1';

const PERIOD_CHOICES: Record<HealthGrain, number[]> = { week: [8, 12, 26, 52], month: [6, 12, 24] };

const ENTITY_ORDER = ['reps', 'contacts', 'activities', 'deals', 'capacity', 'events'];

export function DataHealthPanel() {
  const id = useId();
  const [grain, setGrain] = useState<HealthGrain>('week');
  const [periods, setPeriods] = useState(12);
  const health = resourceOf(useQuery(dataHealthQuery(grain, periods)));

  return (
    <section className="data-card data-health" aria-labelledby={`${id}-title`}>
      <div className="data-card__head">
        <h2 className="data-card__title" id={`${id}-title`}>
          Data health
        </h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">Period length</legend>
          {(['week', 'month'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              className={`segmented__option${choice === grain ? ' is-active' : ''}`}
              aria-pressed={choice === grain}
              onClick={() => {
                setGrain(choice);
                setPeriods(12);
              }}
            >
              {choice === 'week' ? 'Weeks' : 'Months'}
            </button>
          ))}
        </fieldset>
        <label className="visually-hidden" htmlFor={`${id}-periods`}>
          Number of {grain}s shown
        </label>
        <select
          id={`${id}-periods`}
          className="input input--small"
          value={periods}
          onChange={(event) => setPeriods(Number(event.target.value))}
        >
          {PERIOD_CHOICES[grain].map((n) => (
            <option key={n} value={n}>
              last {n} {grain}s
            </option>
          ))}
        </select>
      </div>

      {health.status === 'loading' ? (
        <div role="status" className="data-card__loading">
          <span className="visually-hidden">Loading data health…</span>
          <SkeletonLine width="100%" height={120} />
        </div>
      ) : health.status === 'error' ? (
        <ProblemState problem={health.problem} onRetry={health.retry} compact />
      ) : (
        <div className={health.refreshing ? 'is-refreshing' : undefined}>
          <HealthChart periods={health.data.periods} grain={grain} />
          <Freshness
            totals={health.data.totals}
            freshness={health.data.freshness}
            lastImportAt={health.data.lastImportAt}
          />
        </div>
      )}
    </section>
  );
}

function HealthChart({
  periods,
  grain,
}: {
  periods: Parameters<typeof healthChartData>[0];
  grain: HealthGrain;
}) {
  const id = useId();
  if (isHealthEmpty(periods)) {
    return (
      <div className="data-empty" data-testid="data-health-empty">
        <Activity aria-hidden size={18} className="state__icon" />
        <p>
          No activities in the last {periods.length} {grain}s. Import your reps, then contacts, then
          activities: the chart then shows per {grain} how many count as touches and how many are
          excluded (duplicates, notes, no contact…).
        </p>
      </div>
    );
  }
  const { rows, reasons } = healthChartData(periods);
  const counted = rows.reduce((sum, row) => sum + row.counted, 0);
  const excluded = rows.reduce(
    (sum, row) => sum + reasons.reduce((s, reason) => s + Number(row[reason] ?? 0), 0),
    0,
  );
  const colour = (reason: string, index: number) =>
    REASON_COLOURS[reason] ?? FALLBACK_COLOURS[index % FALLBACK_COLOURS.length];

  return (
    <figure className="health-chart" data-testid="data-health-chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="health-chart__caption">
        Activities per {grain}: {formatCount(counted)} counted, {formatCount(excluded)} excluded
      </figcaption>
      <div className="health-chart__plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={rows} margin={{ top: 6, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e3e5e9" />
            <XAxis
              dataKey="label"
              tick={{ fontSize: 10, fill: '#656c79' }}
              tickLine={false}
              axisLine={{ stroke: '#cdd1d8' }}
              interval="preserveStartEnd"
              minTickGap={8}
            />
            <YAxis
              tick={{ fontSize: 10, fill: '#656c79' }}
              tickLine={false}
              axisLine={false}
              allowDecimals={false}
              width={48}
              tickFormatter={(value: number) => formatCount(value)}
            />
            <Tooltip
              cursor={{ fill: 'rgb(58 75 209 / 6%)' }}
              formatter={(value, name) => [formatCount(Number(value)), String(name)]}
              contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: '#e3e5e9' }}
            />
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            <Bar
              dataKey="counted"
              name="Counted"
              stackId="a"
              fill={COUNTED_COLOUR}
              isAnimationActive={false}
            />
            {reasons.map((reason, index) => (
              <Bar
                key={reason}
                dataKey={reason}
                name={excludedReasonLabel(reason)}
                stackId="a"
                fill={colour(reason, index)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="health-chart__table">
        <summary>Show as a table</summary>
        <div className="data-table__scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{grain === 'week' ? 'Week' : 'Month'}</th>
                <th scope="col" className="data-table__num">
                  Counted
                </th>
                {reasons.map((reason) => (
                  <th key={reason} scope="col" className="data-table__num">
                    {excludedReasonLabel(reason)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">
                    {row.label}
                    {row.toDate ? <span className="is-muted"> (to date)</span> : null}
                  </th>
                  <td className="data-table__num">{formatCount(row.counted)}</td>
                  {reasons.map((reason) => (
                    <td key={reason} className="data-table__num">
                      {formatCount(Number(row[reason] ?? 0))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function Freshness({
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
