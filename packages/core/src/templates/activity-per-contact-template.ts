// The activity-per-contact tree: the total split by channel (channels add up to the total).

import type { TreeTemplate } from './tree-template';

const CHANNELS = [
  { channel: 'call', label: 'Calls per contact' },
  { channel: 'email', label: 'Emails per contact' },
  { channel: 'meeting', label: 'Meetings per contact' },
  { channel: 'social', label: 'Social touches per contact' },
] as const;

const CHILD_SPACING = 280;

export const ACTIVITY_PER_CONTACT_TEMPLATE: TreeTemplate = {
  key: 'activity_per_contact',
  name: 'Activity volume per contact',
  description:
    'Total logged activities ÷ active contacts, split by channel. Each channel divides its activities by all active contacts, so the channels sum to the total; what no channel node covers shows as "other".',
  nodes: [
    {
      ref: 'root',
      metricKey: 'activity_per_contact',
      label: 'Activity volume per contact',
      position: { x: ((CHANNELS.length - 1) * CHILD_SPACING) / 2, y: 0 },
    },
    ...CHANNELS.map(({ channel, label }, index) => ({
      ref: channel,
      metricKey: 'activity_per_contact',
      label,
      filter: { channel },
      position: { x: index * CHILD_SPACING, y: 260 },
    })),
  ],
  edges: CHANNELS.map(({ channel }) => ({
    parent: 'root',
    child: channel,
    relation: 'sum' as const,
  })),
};
