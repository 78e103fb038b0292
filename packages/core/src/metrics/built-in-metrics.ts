// The built-in metric catalog every workspace starts with (docs/product.md §2), as data.

import type { MetricSpec } from './metric-definition';

/** Dimensions only activities have: a denominator over contacts, reps or hours ignores them. */
const ACTIVITY_ONLY_DIMENSIONS = ['channel', 'direction', 'automated', 'replied', 'meeting_booked'];

/**
 * Built-in metrics, keyed for lookups by `metricByKey`. Stocks (`asOf`) count every row
 * placed before a period boundary; ratios and formulas give "no data" (null) where their
 * divisor is 0. Percent values are fractions (0.25 is 25 %), durations are seconds.
 */
export const BUILT_IN_METRICS: readonly MetricSpec[] = [
  // Contacts: the stock, its flow and the conversions out of it.
  {
    key: 'contacts_total',
    name: 'Contacts (total)',
    description:
      'Contacts qualified at or before the end of the period (cumulative): the closing stock.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'count', source: 'contacts', at: 'qualified_at', asOf: 'period_end' },
  },
  {
    key: 'contacts_at_period_start',
    name: 'Contacts at period start',
    description: 'Contacts qualified before the period started: the opening stock.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'count', source: 'contacts', at: 'qualified_at', asOf: 'period_start' },
  },
  {
    key: 'net_new_contacts',
    name: 'Net new contacts',
    description: 'Contacts qualified in the period (leads that became contacts).',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'count', source: 'contacts', at: 'qualified_at' },
  },
  {
    key: 'contact_growth_rate',
    name: 'Contact growth rate',
    description: 'Net new contacts ÷ contacts at the start of the period.',
    unit: 'percent',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'ratio',
      numerator: 'net_new_contacts',
      denominator: 'contacts_at_period_start',
    },
  },
  {
    key: 'customers_won',
    name: 'Customers won',
    description: 'Contacts that became customers in the period.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'count', source: 'contacts', at: 'customer_at' },
  },
  {
    key: 'contact_to_customer_rate',
    name: 'Contact-to-customer conversion rate',
    description: 'Period view: customers won in the period ÷ contacts at the start of the period.',
    unit: 'percent',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'ratio',
      numerator: 'customers_won',
      denominator: 'contacts_at_period_start',
    },
  },
  {
    key: 'contact_to_customer_cohort_rate',
    name: 'Contact-to-customer conversion rate (cohort)',
    description:
      'Of the contacts qualified in the period, the share that has become a customer (so far).',
    unit: 'percent',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'cohort',
      source: 'contacts',
      cohortAt: 'qualified_at',
      convertedAt: ['customer_at'],
    },
  },
  {
    key: 'leads_created',
    name: 'Leads created',
    description: 'Contact records created in the period: every record starts as a lead.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'count', source: 'contacts', at: 'created_at' },
  },
  {
    key: 'lead_conversion_rate',
    name: 'Lead conversion rate',
    description:
      'Of the leads created in the period, the share that has become a contact (qualified) or gone further to customer.',
    unit: 'percent',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'cohort',
      source: 'contacts',
      cohortAt: 'created_at',
      convertedAt: ['qualified_at', 'customer_at'],
    },
  },

  // Activity: touches and the contacts they reach.
  {
    key: 'activities_total',
    name: 'Total logged activities',
    description: 'Counted activities in the period: real, logged touches to a contact.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'count', source: 'activities' },
  },
  {
    key: 'active_contacts',
    name: 'Active contacts',
    description: 'Distinct contacts with at least one counted activity in the period.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'count_distinct', source: 'activities', column: 'contact_id' },
  },
  {
    key: 'activity_per_contact',
    name: 'Activity volume per contact',
    description:
      'Total logged activities ÷ active contacts. Filtered by channel, a channel’s activities ÷ all active contacts, so the channels add up to the total.',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'input',
    definition: {
      type: 'ratio',
      numerator: 'activities_total',
      denominator: 'active_contacts',
      denominatorIgnores: ['channel'],
    },
  },

  // Capacity: activities = reps active × selling hours per rep × touches per selling hour.
  {
    key: 'reps_active',
    name: 'Reps active',
    description:
      'Distinct reps with at least one counted activity or with selling hours in the period.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: {
      type: 'count_distinct',
      source: 'activities',
      column: 'rep_id',
      union: [{ source: 'capacity', column: 'rep_id', filter: { has_selling_hours: 'true' } }],
    },
  },
  {
    key: 'selling_hours',
    name: 'Selling hours',
    description: 'Σ selling hours of all reps in the period (capacity rows).',
    unit: 'hours',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'sum', source: 'capacity', column: 'selling_hours' },
  },
  {
    key: 'selling_hours_per_rep',
    name: 'Selling hours per rep',
    description: 'Σ selling hours ÷ reps active.',
    unit: 'hours',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'ratio', numerator: 'selling_hours', denominator: 'reps_active' },
  },
  {
    key: 'touches_per_selling_hour',
    name: 'Touches per selling hour',
    description:
      'Counted activities ÷ Σ selling hours. Filtered by channel, that channel’s activities ÷ all selling hours, so the channels add up.',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'input',
    definition: {
      type: 'ratio',
      numerator: 'activities_total',
      denominator: 'selling_hours',
      denominatorIgnores: ACTIVITY_ONLY_DIMENSIONS,
    },
  },
  {
    key: 'activity_per_rep',
    name: 'Activity per rep',
    description:
      'Counted activities ÷ reps active. Filtered by channel, that channel’s activities ÷ all active reps, so the channels add up.',
    unit: 'ratio',
    direction: 'higher_is_better',
    kind: 'input',
    definition: {
      type: 'ratio',
      numerator: 'activities_total',
      denominator: 'reps_active',
      denominatorIgnores: ACTIVITY_ONLY_DIMENSIONS,
    },
  },

  {
    key: 'active_contacts_per_rep',
    name: 'Active contacts per rep',
    description:
      'Active contacts ÷ reps active: how many contacts each rep works (coverage). Activity per rep ÷ active contacts per rep is activity volume per contact.',
    unit: 'ratio',
    direction: 'within_band',
    kind: 'input',
    definition: {
      type: 'ratio',
      numerator: 'active_contacts',
      denominator: 'reps_active',
      denominatorIgnores: ACTIVITY_ONLY_DIMENSIONS,
    },
  },

  // Speed to lead.
  {
    key: 'lead_response_time_median',
    name: 'Lead response time (median)',
    description:
      'Median time from a contact’s creation to its first counted outbound touch, over the contacts created in the period that have been touched.',
    unit: 'duration',
    direction: 'lower_is_better',
    kind: 'input',
    definition: { type: 'first_touch_latency', percentile: 0.5, touch: { direction: 'outbound' } },
  },
  {
    key: 'lead_response_time_p90',
    name: 'Lead response time (p90)',
    description:
      '90th percentile of the time from a contact’s creation to its first counted outbound touch, over the contacts created in the period that have been touched.',
    unit: 'duration',
    direction: 'lower_is_better',
    kind: 'input',
    definition: { type: 'first_touch_latency', percentile: 0.9, touch: { direction: 'outbound' } },
  },

  // Outcomes of outbound touches.
  {
    key: 'outbound_activities',
    name: 'Outbound activities',
    description: 'Counted outbound activities in the period.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'input',
    definition: { type: 'count', source: 'activities', filter: { direction: 'outbound' } },
  },
  {
    key: 'replied_activities',
    name: 'Replied activities',
    description: 'Counted outbound activities in the period that got a reply.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'count',
      source: 'activities',
      filter: { direction: 'outbound', replied: 'true' },
    },
  },
  {
    key: 'meetings_booked',
    name: 'Meetings booked',
    description: 'Counted outbound activities in the period that booked a meeting.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'count',
      source: 'activities',
      filter: { direction: 'outbound', meeting_booked: 'true' },
    },
  },
  {
    key: 'reply_rate',
    name: 'Reply rate',
    description: 'Outbound activities that got a reply ÷ counted outbound activities.',
    unit: 'percent',
    direction: 'higher_is_better',
    kind: 'output',
    definition: {
      type: 'ratio',
      numerator: 'replied_activities',
      denominator: 'outbound_activities',
    },
  },
  {
    key: 'meeting_rate',
    name: 'Meeting rate',
    description: 'Outbound activities that booked a meeting ÷ counted outbound activities.',
    unit: 'percent',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'ratio', numerator: 'meetings_booked', denominator: 'outbound_activities' },
  },

  // Deals.
  {
    key: 'deals_won',
    name: 'Deals won',
    description: 'Deals closed won in the period.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'count', source: 'deals', at: 'closed_at', filter: { outcome: 'won' } },
  },
  {
    key: 'deals_closed',
    name: 'Deals closed',
    description: 'Deals closed (won or lost) in the period.',
    unit: 'count',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'count', source: 'deals', at: 'closed_at', filter: { outcome: 'closed' } },
  },
  {
    key: 'win_rate',
    name: 'Win rate',
    description: 'Deals won ÷ deals closed (won + lost) in the period.',
    unit: 'percent',
    direction: 'higher_is_better',
    kind: 'output',
    definition: { type: 'ratio', numerator: 'deals_won', denominator: 'deals_closed' },
  },
];

/**
 * @example metricByKey('active_contacts')?.unit // 'count'
 */
export function metricByKey(key: string): MetricSpec | undefined {
  return BUILT_IN_METRICS.find((metric) => metric.key === key);
}
