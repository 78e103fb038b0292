// The 16-node activity tree: activity volume per contact, its channel split and the capacity identity, under the outcome it drives.

import type { TreeTemplate } from './tree-template';

const CHANNELS = [
  { channel: 'call', perContact: 'Calls per contact', perHour: 'Calls per selling hour' },
  { channel: 'email', perContact: 'Emails per contact', perHour: 'Emails per selling hour' },
  { channel: 'meeting', perContact: 'Meetings per contact', perHour: 'Meetings per selling hour' },
  {
    channel: 'social',
    perContact: 'Social touches per contact',
    perHour: 'Social touches per selling hour',
  },
] as const;

const X = 280;
const Y = 220;

/**
 * Every node is a rate, so every arithmetic edge holds exactly on any data:
 * - channels: a channel's activities ÷ *all* active contacts (or all selling hours), so the
 *   channels add up to the total; tasks have no node and show as the residual "other";
 * - capacity: activity per contact = activity per rep ÷ active contacts per rep, and
 *   activity per rep = selling hours per rep × touches per selling hour, i.e. the identity
 *   activities = reps active × selling hours per rep × touches per selling hour, per contact;
 * - meeting rate (an outcome) sits on top, linked by driver edges to what influences it, so
 *   activity is judged by what it produces.
 * The benchmark band (touches per contact over the 30-day outbound window) starts on the
 * mid-market motion; choose the tree's motion to match yours.
 */
export const ACTIVITY_PER_CONTACT_TEMPLATE: TreeTemplate = {
  key: 'activity_per_contact',
  name: 'Activity volume per contact',
  description:
    'Activity volume per contact split by channel (the channels add up to the total; what no channel node covers shows as "other") and by capacity: activity per rep ÷ active contacts per rep, with activity per rep = selling hours per rep × touches per selling hour. Meeting rate on top is the outcome it drives.',
  motion: 'mid_market_outbound',
  nodes: [
    {
      ref: 'outcome',
      metricKey: 'meeting_rate',
      label: 'Meeting rate',
      position: { x: 2.75 * X, y: 0 },
    },
    { ref: 'reply', metricKey: 'reply_rate', label: 'Reply rate', position: { x: 0.75 * X, y: Y } },
    {
      ref: 'root',
      metricKey: 'activity_per_contact',
      label: 'Activity volume per contact',
      position: { x: 2.75 * X, y: Y },
      band: { kind: 'benchmark' },
    },
    {
      ref: 'response',
      metricKey: 'lead_response_time_median',
      label: 'Lead response time (median)',
      position: { x: 4.75 * X, y: Y },
    },
    ...CHANNELS.map(({ channel, perContact }, index) => ({
      ref: channel,
      metricKey: 'activity_per_contact',
      label: perContact,
      filter: { channel },
      position: { x: index * X, y: 2 * Y },
    })),
    {
      ref: 'per_rep',
      metricKey: 'activity_per_rep',
      label: 'Activity per rep',
      position: { x: 4.5 * X, y: 2 * Y },
    },
    {
      ref: 'contacts_per_rep',
      metricKey: 'active_contacts_per_rep',
      label: 'Active contacts per rep',
      position: { x: 6 * X, y: 2 * Y },
    },
    {
      ref: 'hours_per_rep',
      metricKey: 'selling_hours_per_rep',
      label: 'Selling hours per rep',
      position: { x: 4 * X, y: 3 * Y },
    },
    {
      ref: 'touches_per_hour',
      metricKey: 'touches_per_selling_hour',
      label: 'Touches per selling hour',
      position: { x: 5 * X, y: 3 * Y },
    },
    ...CHANNELS.map(({ channel, perHour }, index) => ({
      ref: `${channel}_per_hour`,
      metricKey: 'touches_per_selling_hour',
      label: perHour,
      filter: { channel },
      position: { x: (3.5 + index) * X, y: 4 * Y },
    })),
  ],
  edges: [
    { parent: 'outcome', child: 'reply', relation: 'driver' },
    { parent: 'outcome', child: 'root', relation: 'driver' },
    { parent: 'outcome', child: 'response', relation: 'driver' },
    ...CHANNELS.map(({ channel }) => ({
      parent: 'root',
      child: channel,
      relation: 'sum' as const,
    })),
    { parent: 'root', child: 'per_rep', relation: 'product', exponent: 1 },
    { parent: 'root', child: 'contacts_per_rep', relation: 'product', exponent: -1 },
    { parent: 'per_rep', child: 'hours_per_rep', relation: 'product', exponent: 1 },
    { parent: 'per_rep', child: 'touches_per_hour', relation: 'product', exponent: 1 },
    ...CHANNELS.map(({ channel }) => ({
      parent: 'touches_per_hour',
      child: `${channel}_per_hour`,
      relation: 'sum' as const,
    })),
  ],
};
