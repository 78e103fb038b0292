// The contact-to-customer conversion tree: numerator and denominator, and mix vs rate by source.

import { COMMON_CONTACT_SOURCES } from './contact-sources';
import type { TreeTemplate } from './tree-template';

const X = 280;
const Y = 220;

/**
 * Conversion in the period view (customers won in P ÷ contacts at P's start) as a ratio of
 * its two counts, and as a segments split by source: the change splits into mix (more
 * contacts from better-converting sources) and rate (each source converting better), exactly.
 */
export const CONTACT_TO_CUSTOMER_TEMPLATE: TreeTemplate = {
  key: 'contact_to_customer',
  name: 'Contact-to-customer conversion',
  description:
    'Customers won in the period ÷ contacts at its start, and the same rate by original source, so a change reads as mix (where contacts come from) vs rate (how well each source converts). Lead response time and win rate are linked as drivers.',
  nodes: [
    {
      ref: 'root',
      metricKey: 'contact_to_customer_rate',
      label: 'Contact-to-customer conversion rate',
      position: { x: 3.5 * X, y: 0 },
    },
    {
      ref: 'customers',
      metricKey: 'customers_won',
      label: 'Customers won',
      position: { x: 0, y: Y },
    },
    {
      ref: 'contacts',
      metricKey: 'contacts_at_period_start',
      label: 'Contacts at period start',
      position: { x: X, y: Y },
    },
    { ref: 'win_rate', metricKey: 'win_rate', label: 'Win rate', position: { x: 6 * X, y: Y } },
    {
      ref: 'response',
      metricKey: 'lead_response_time_median',
      label: 'Lead response time (median)',
      position: { x: 7 * X, y: Y },
    },
    ...COMMON_CONTACT_SOURCES.map(({ source, label }, index) => ({
      ref: source,
      metricKey: 'contact_to_customer_rate',
      label: `Conversion: ${label}`,
      filter: { source },
      position: { x: (1 + index) * X, y: 2 * Y },
    })),
  ],
  edges: [
    { parent: 'root', child: 'customers', relation: 'ratio', role: 'numerator' },
    { parent: 'root', child: 'contacts', relation: 'ratio', role: 'denominator' },
    ...COMMON_CONTACT_SOURCES.map(({ source }) => ({
      parent: 'root',
      child: source,
      relation: 'segments' as const,
    })),
    { parent: 'root', child: 'win_rate', relation: 'driver' },
    { parent: 'root', child: 'response', relation: 'driver' },
  ],
};
