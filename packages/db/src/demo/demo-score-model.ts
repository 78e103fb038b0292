/**
 * The demo workspace's score model (docs/product.md §7): fit (segment, referral) and
 * engagement (pricing-page views, email clicks, form submits, replies, meetings held). The
 * demo data makes pricing views and replies more common among contacts who go on to win,
 * so its bands separate conversion and the lift table shows it.
 */
import type { ScoreModelDraft } from '@treeline/core';

export const DEMO_SCORE_MODEL: ScoreModelDraft = {
  name: 'Fit and engagement',
  description:
    'Who looks like a customer and acts like one: segment and source, then buying signals.',
  thresholds: [50],
  bands: [
    { label: 'Cold', min: 0 },
    { label: 'Warm', min: 25 },
    { label: 'Hot', min: 50 },
  ],
  rules: [
    {
      kind: 'attribute',
      label: 'Enterprise',
      attribute: 'segment',
      operator: 'equals',
      value: 'enterprise',
      points: 15,
    },
    {
      kind: 'attribute',
      label: 'Mid-market',
      attribute: 'segment',
      operator: 'equals',
      value: 'mid_market',
      points: 8,
    },
    {
      kind: 'attribute',
      label: 'Referred',
      attribute: 'source',
      operator: 'equals',
      value: 'referral',
      points: 10,
    },
    {
      kind: 'event',
      label: 'Pricing page view',
      event: 'page_view',
      where: { property: 'page', value: '/pricing' },
      points: 10,
      applies: 'every',
      decayDays: null,
      cap: 30,
    },
    {
      kind: 'event',
      label: 'Email click',
      event: 'email_click',
      where: null,
      points: 5,
      applies: 'once',
      decayDays: null,
      cap: null,
    },
    {
      kind: 'event',
      label: 'Form submitted',
      event: 'form_submit',
      where: null,
      points: 10,
      applies: 'once',
      decayDays: null,
      cap: null,
    },
    {
      kind: 'event',
      label: 'Replied',
      event: 'activity.reply',
      where: null,
      points: 8,
      applies: 'every',
      decayDays: null,
      cap: 24,
    },
    {
      kind: 'event',
      label: 'Meeting held',
      event: 'activity.meeting',
      where: null,
      points: 6,
      applies: 'every',
      decayDays: null,
      cap: 18,
    },
  ],
};
