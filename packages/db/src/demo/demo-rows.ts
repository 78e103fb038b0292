/**
 * The rows the demo generator produces, before they have database ids. Rows refer to reps
 * and contacts by index: `repIndex` is the position in `DemoData.reps`, `contactIndex` the
 * position in the order `DemoData.contacts()` yields contacts (0, 1, 2, …). The writer
 * maps indexes to the ids the database assigns; the external ids are there too, so a CSV
 * export or an API import can use them instead.
 */
import type {
  Channel,
  Direction,
  EngagementEventType,
  ExcludedReason,
  LifecycleStage,
  Segment,
} from '../schema/database';

export interface DemoRep {
  index: number;
  externalId: string;
  name: string;
  team: string;
  segment: Segment;
  /** First working day, "YYYY-MM-DD". */
  activeFrom: string;
  /** Last working day (inclusive), or null while employed. */
  activeTo: string | null;
  /** Decimal strings, e.g. "6.00". */
  defaultSellingHours: string;
  defaultAdminHours: string;
}

/** Hours of one rep on one workday; a PTO day has 0 selling and 0 admin hours. */
export interface DemoCapacity {
  repIndex: number;
  day: string;
  sellingHours: string;
  adminHours: string;
}

export interface DemoContact {
  index: number;
  externalId: string;
  createdAt: Date;
  qualifiedAt: Date | null;
  customerAt: Date | null;
  lifecycleStage: LifecycleStage;
  source: string;
  segment: Segment;
  ownerRepIndex: number | null;
  account: string;
  properties: Record<string, unknown>;
}

export interface DemoActivity {
  externalId: string;
  sourceSystem: string;
  contactIndex: number | null;
  repIndex: number | null;
  channel: Channel;
  occurredAt: Date;
  direction: Direction;
  automated: boolean;
  systemGenerated: boolean;
  replied: boolean;
  meetingBooked: boolean;
  deletedAt: Date | null;
  /**
   * The exclusion the generator planted on purpose (null: a real touch). Not stored: the
   * database decides with markActivityExclusions, which may also find the odd accidental
   * duplicate (two real calls to the same contact a minute apart).
   */
  plantedExclusion: ExcludedReason | null;
}

export interface DemoDeal {
  externalId: string;
  contactIndex: number;
  ownerRepIndex: number | null;
  account: string;
  createdAt: Date;
  closedAt: Date | null;
  stage: string;
  outcome: 'won' | 'lost' | null;
  /** Decimal string, e.g. "12400.00". */
  amount: string;
}

export interface DemoEngagementEvent {
  externalId: string;
  contactIndex: number;
  type: EngagementEventType;
  occurredAt: Date;
  properties: Record<string, unknown>;
}

/** How many rows of each entity the generator produces. */
export interface DemoCounts {
  reps: number;
  capacity: number;
  contacts: number;
  deals: number;
  engagementEvents: number;
  activities: number;
}
