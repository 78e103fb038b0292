// The original sources a CRM typically records, used by templates that split by source.

/**
 * Sources the templates split by. A workspace whose contacts carry other sources sees the
 * rest as the residual "other" (sums) or the uncovered part of a segments split; edit or add
 * nodes to match.
 */
export const COMMON_CONTACT_SOURCES = [
  { source: 'organic_search', label: 'Organic search' },
  { source: 'paid_search', label: 'Paid search' },
  { source: 'referral', label: 'Referral' },
  { source: 'events', label: 'Events' },
  { source: 'outbound', label: 'Outbound' },
  { source: 'partner', label: 'Partner' },
] as const;
