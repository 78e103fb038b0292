// Every preset mapping Treeline ships, in the order the web app lists them.

import type { ImportPreset } from './import-preset';
import {
  HUBSPOT_ACTIVITIES_PRESET,
  HUBSPOT_CONTACTS_PRESET,
  HUBSPOT_DEALS_PRESET,
} from './presets/hubspot-presets';
import {
  SALESFORCE_CONTACTS_PRESET,
  SALESFORCE_EVENTS_PRESET,
  SALESFORCE_LEADS_PRESET,
  SALESFORCE_OPPORTUNITIES_PRESET,
  SALESFORCE_TASKS_PRESET,
  SALESFORCE_USERS_PRESET,
} from './presets/salesforce-presets';

/**
 * The shipped presets: HubSpot contacts, activities and deals; Salesforce Contact, Lead, Task,
 * Event, Opportunity and User.
 *
 * @example
 * IMPORT_PRESETS.find((p) => p.key === 'salesforce-tasks')?.entity; // 'activities'
 */
export const IMPORT_PRESETS: readonly ImportPreset[] = [
  HUBSPOT_CONTACTS_PRESET,
  HUBSPOT_ACTIVITIES_PRESET,
  HUBSPOT_DEALS_PRESET,
  SALESFORCE_CONTACTS_PRESET,
  SALESFORCE_LEADS_PRESET,
  SALESFORCE_TASKS_PRESET,
  SALESFORCE_EVENTS_PRESET,
  SALESFORCE_OPPORTUNITIES_PRESET,
  SALESFORCE_USERS_PRESET,
];
