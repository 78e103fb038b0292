// Builds normalized rows with a fixed object shape per entity (object literals, not keyed stores), which keeps the per-row path monomorphic and fast.

import type { ImportEntity } from './import-entity';
import type { ImportProperties, ImportRowOf } from './import-row';

type Slot = unknown;
type Builder = (v: readonly Slot[], properties: ImportProperties | null) => unknown;

const str = (value: Slot) => value as string;
const strOrNull = (value: Slot) => value as string | null;
const bool = (value: Slot) => value as boolean;
const date = (value: Slot) => new Date(value as number);
const dateOrNull = (value: Slot) => (value === null ? null : new Date(value as number));

/** Slots follow IMPORT_FIELDS order, json-properties excluded (they come separately). */
const BUILDERS: { [E in ImportEntity]: Builder } = {
  contacts: (v, properties) => ({
    externalId: str(v[0]),
    createdAt: date(v[1]),
    qualifiedAt: dateOrNull(v[2]),
    customerAt: dateOrNull(v[3]),
    lifecycleStage: v[4],
    source: strOrNull(v[5]),
    segment: v[6],
    ownerRepExternalId: strOrNull(v[7]),
    account: strOrNull(v[8]),
    properties: properties ?? {},
    deletedAt: dateOrNull(v[9]),
  }),
  activities: (v) => ({
    externalId: str(v[0]),
    sourceSystem: str(v[1]),
    contactExternalId: strOrNull(v[2]),
    repExternalId: strOrNull(v[3]),
    channel: v[4],
    occurredAt: date(v[5]),
    direction: v[6],
    automated: bool(v[7]),
    systemGenerated: bool(v[8]),
    replied: bool(v[9]),
    meetingBooked: bool(v[10]),
    deletedAt: dateOrNull(v[11]),
  }),
  deals: (v) => ({
    externalId: str(v[0]),
    contactExternalId: strOrNull(v[1]),
    account: strOrNull(v[2]),
    ownerRepExternalId: strOrNull(v[3]),
    createdAt: date(v[4]),
    closedAt: dateOrNull(v[5]),
    stage: str(v[6]),
    outcome: v[7],
    amount: strOrNull(v[8]),
    deletedAt: dateOrNull(v[9]),
  }),
  reps: (v) => ({
    externalId: str(v[0]),
    name: str(v[1]),
    team: strOrNull(v[2]),
    segment: strOrNull(v[3]),
    activeFrom: strOrNull(v[4]),
    activeTo: strOrNull(v[5]),
    defaultSellingHours: strOrNull(v[6]),
    defaultAdminHours: strOrNull(v[7]),
  }),
  capacity: (v) => ({
    repExternalId: str(v[0]),
    day: str(v[1]),
    sellingHours: str(v[2]),
    adminHours: str(v[3]),
  }),
  events: (v, properties) => ({
    externalId: str(v[0]),
    contactExternalId: str(v[1]),
    type: v[2],
    occurredAt: date(v[3]),
    properties: properties ?? {},
  }),
};

/**
 * The normalized row of `entity` from its field values in IMPORT_FIELDS order (json-properties
 * left out; instants as epoch ms) and its properties. Values must already be validated.
 *
 * @example
 * buildImportRow('capacity', ['r1', '2026-03-02', '6.5', '0'], null);
 * // { repExternalId: 'r1', day: '2026-03-02', sellingHours: '6.5', adminHours: '0' }
 */
export function buildImportRow<E extends ImportEntity>(
  entity: E,
  values: readonly unknown[],
  properties: ImportProperties | null,
): ImportRowOf<E> {
  return BUILDERS[entity](values, properties) as ImportRowOf<E>;
}
