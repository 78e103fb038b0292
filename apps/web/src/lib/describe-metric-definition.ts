/**
 * A metric definition in words, as the catalog shows it: "count of activities where
 * channel = call", "activities_total ÷ active_contacts", or the formula's own text.
 */
import type { DimensionFilter, MetricDefinition, MetricSource } from '@treeline/core';

const SOURCE_NAMES: Record<MetricSource, string> = {
  activities: 'activities',
  contacts: 'contacts',
  deals: 'deals',
  engagement_events: 'engagement events',
  capacity: 'capacity',
};

/**
 * @example
 * describeFilter({ channel: 'call', direction: 'outbound' }); // ' where channel = call and direction = outbound'
 */
export function describeFilter(filter: DimensionFilter | undefined, lead = 'where'): string {
  const parts = Object.entries(filter ?? {}).map(([dimension, value]) => `${dimension} = ${value}`);
  return parts.length > 0 ? ` ${lead} ${parts.join(' and ')}` : '';
}

/** "median", "p90", "p99.5" for 0.5, 0.9, 0.995. */
export function describePercentile(percentile: number): string {
  if (percentile === 0.5) return 'median';
  return `p${Number((percentile * 100).toFixed(2))}`;
}

/**
 * @example
 * describeMetricDefinition({ type: 'count', source: 'activities', filter: { channel: 'call' } });
 * // 'count of activities where channel = call'
 * describeMetricDefinition({ type: 'ratio', numerator: 'activities_total', denominator: 'active_contacts' });
 * // 'activities_total ÷ active_contacts'
 */
export function describeMetricDefinition(definition: MetricDefinition): string {
  switch (definition.type) {
    case 'count':
      return `count of ${SOURCE_NAMES[definition.source]}${describeAt(definition.at)}${describeFilter(definition.filter)}${describeAsOf(definition.asOf)}`;
    case 'count_distinct': {
      const union = (definition.union ?? []).map(
        (member) =>
          ` or ${member.column} in ${SOURCE_NAMES[member.source]}${describeFilter(member.filter)}`,
      );
      return `distinct ${definition.column} in ${SOURCE_NAMES[definition.source]}${describeFilter(definition.filter)}${union.join('')}`;
    }
    case 'sum':
      return `sum of ${definition.column} in ${SOURCE_NAMES[definition.source]}${describeFilter(definition.filter)}${describeAsOf(definition.asOf)}`;
    case 'avg':
      return `average ${definition.column} in ${SOURCE_NAMES[definition.source]}${describeFilter(definition.filter)}`;
    case 'percentile':
      return `${describePercentile(definition.percentile)} of ${definition.column} in ${SOURCE_NAMES[definition.source]}${describeFilter(definition.filter)}`;
    case 'ratio':
      return `${definition.numerator} ÷ ${definition.denominator}`;
    case 'formula':
      return definition.expression;
    case 'cohort': {
      const within =
        definition.withinDays === undefined ? '' : ` within ${definition.withinDays} days`;
      return `share of ${SOURCE_NAMES[definition.source]}${describeFilter(definition.filter)} by ${definition.cohortAt} that reached ${definition.convertedAt.join(' or ')}${within}${describeFilter(definition.convertedFilter, 'with')}`;
    }
    case 'first_touch_latency':
      return `${describePercentile(definition.percentile)} time from contact created to first touch${describeFilter(definition.touch, 'with')}${describeFilter(definition.filter, 'for contacts with')}`;
  }
}

/** The timestamp that places rows in periods, when it is not the source's default. */
function describeAt(at: string | undefined): string {
  return at ? ` by ${at}` : '';
}

function describeAsOf(asOf: 'period_start' | 'period_end' | undefined): string {
  if (asOf === 'period_start') return ' (as of period start)';
  if (asOf === 'period_end') return ' (as of period end)';
  return '';
}
