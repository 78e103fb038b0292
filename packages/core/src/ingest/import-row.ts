// The normalized rows an import produces, one shape per entity, ready for the database layer.

import type { ImportEntity } from './import-entity';

/** Scalar values a custom property may hold once imported. */
export type ImportPropertyValue = string | number | boolean | null;

/** Custom properties copied from source columns (contacts, events). */
export type ImportProperties = Record<string, ImportPropertyValue>;

export type ImportLifecycleStage =
  | 'lead'
  | 'contact'
  | 'opportunity'
  | 'customer'
  | 'former_customer';
export type ImportSegment = 'smb' | 'mid_market' | 'enterprise';
export type ImportChannel = 'call' | 'email' | 'meeting' | 'social' | 'task' | 'note';
export type ImportDirection = 'outbound' | 'inbound';
export type ImportEventType = 'page_view' | 'email_open' | 'email_click' | 'form_submit';
export type ImportDealOutcome = 'won' | 'lost';

/** A contact; instants are UTC `Date`s, ids are trimmed strings. */
export interface ContactImportRow {
  externalId: string;
  createdAt: Date;
  qualifiedAt: Date | null;
  customerAt: Date | null;
  lifecycleStage: ImportLifecycleStage;
  source: string | null;
  segment: ImportSegment | null;
  ownerRepExternalId: string | null;
  account: string | null;
  properties: ImportProperties;
  deletedAt: Date | null;
}

/** A logged activity (a touch, a note, a to-do). */
export interface ActivityImportRow {
  externalId: string;
  sourceSystem: string;
  contactExternalId: string | null;
  repExternalId: string | null;
  channel: ImportChannel;
  occurredAt: Date;
  direction: ImportDirection;
  automated: boolean;
  systemGenerated: boolean;
  replied: boolean;
  meetingBooked: boolean;
  deletedAt: Date | null;
}

/** A deal; `amount` is a decimal string such as "12500.00". */
export interface DealImportRow {
  externalId: string;
  contactExternalId: string | null;
  account: string | null;
  ownerRepExternalId: string | null;
  createdAt: Date;
  closedAt: Date | null;
  stage: string;
  outcome: ImportDealOutcome | null;
  amount: string | null;
  deletedAt: Date | null;
}

/** A seller; days are "YYYY-MM-DD", hours decimal strings. */
export interface RepImportRow {
  externalId: string;
  name: string;
  team: string | null;
  segment: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  defaultSellingHours: string | null;
  defaultAdminHours: string | null;
}

/** Hours of one rep on one local day. */
export interface CapacityImportRow {
  repExternalId: string;
  day: string;
  sellingHours: string;
  adminHours: string;
}

/** A contact engagement event used by scoring. */
export interface EventImportRow {
  externalId: string;
  contactExternalId: string;
  type: ImportEventType;
  occurredAt: Date;
  properties: ImportProperties;
}

/** The normalized row type of each entity. */
export interface ImportRowByEntity {
  contacts: ContactImportRow;
  activities: ActivityImportRow;
  deals: DealImportRow;
  reps: RepImportRow;
  capacity: CapacityImportRow;
  events: EventImportRow;
}

/**
 * The normalized row type of entity `E`.
 *
 * @example
 * const row: ImportRowOf<'capacity'> = { repExternalId: 'r1', day: '2026-03-02', sellingHours: '6.50', adminHours: '1' };
 */
export type ImportRowOf<E extends ImportEntity> = ImportRowByEntity[E];
