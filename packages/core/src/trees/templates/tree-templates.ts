// Every template a user can start a tree from, by key.

import { ACTIVITY_PER_CONTACT_TEMPLATE } from './activity-per-contact-template';
import { CONTACT_TO_CUSTOMER_TEMPLATE } from './contact-to-customer-template';
import { CONTACTS_GROWTH_TEMPLATE } from './contacts-growth-template';
import type { TreeTemplate } from './tree-template';

export const TREE_TEMPLATES: readonly TreeTemplate[] = [
  ACTIVITY_PER_CONTACT_TEMPLATE,
  CONTACT_TO_CUSTOMER_TEMPLATE,
  CONTACTS_GROWTH_TEMPLATE,
];

/**
 * @example treeTemplateByKey('contacts_growth')?.nodes.length // 12
 */
export function treeTemplateByKey(key: string): TreeTemplate | undefined {
  return TREE_TEMPLATES.find((template) => template.key === key);
}
