// The contacts growth tree: the stock, its flow, the growth rate, and net new contacts by source.

import { COMMON_CONTACT_SOURCES } from './contact-sources';
import type { TreeTemplate } from './tree-template';

const X = 280;
const Y = 220;

/**
 * Contacts (total) = contacts at period start + net new contacts (a sum that holds exactly:
 * the closing stock is the opening stock plus the period's flow), contact growth rate = net
 * new ÷ contacts at period start, and net new contacts by source (contacts with another
 * source, or none, show as "other"). Leads created and lead conversion drive net new.
 */
export const CONTACTS_GROWTH_TEMPLATE: TreeTemplate = {
  key: 'contacts_growth',
  name: 'Contacts growth',
  description:
    'Contacts (total) = contacts at period start + net new contacts; contact growth rate = net new ÷ contacts at period start; net new contacts by source, driven by leads created and lead conversion.',
  nodes: [
    {
      ref: 'root',
      metricKey: 'contacts_total',
      label: 'Contacts (total)',
      position: { x: X, y: 0 },
    },
    {
      ref: 'growth',
      metricKey: 'contact_growth_rate',
      label: 'Contact growth rate',
      position: { x: 3 * X, y: 0 },
    },
    {
      ref: 'start',
      metricKey: 'contacts_at_period_start',
      label: 'Contacts at period start',
      position: { x: X, y: Y },
    },
    {
      ref: 'net_new',
      metricKey: 'net_new_contacts',
      label: 'Net new contacts',
      position: { x: 3 * X, y: Y },
    },
    ...COMMON_CONTACT_SOURCES.map(({ source, label }, index) => ({
      ref: source,
      metricKey: 'net_new_contacts',
      label: `Net new: ${label}`,
      filter: { source },
      position: { x: index * X, y: 2 * Y },
    })),
    {
      ref: 'leads',
      metricKey: 'leads_created',
      label: 'Leads created',
      position: { x: 6 * X, y: 2 * Y },
    },
    {
      ref: 'lead_conversion',
      metricKey: 'lead_conversion_rate',
      label: 'Lead conversion rate',
      position: { x: 7 * X, y: 2 * Y },
    },
  ],
  edges: [
    { parent: 'root', child: 'start', relation: 'sum' },
    { parent: 'root', child: 'net_new', relation: 'sum' },
    { parent: 'growth', child: 'net_new', relation: 'ratio', role: 'numerator' },
    { parent: 'growth', child: 'start', relation: 'ratio', role: 'denominator' },
    ...COMMON_CONTACT_SOURCES.map(({ source }) => ({
      parent: 'net_new',
      child: source,
      relation: 'sum' as const,
    })),
    { parent: 'net_new', child: 'leads', relation: 'driver' },
    { parent: 'net_new', child: 'lead_conversion', relation: 'driver' },
  ],
};
