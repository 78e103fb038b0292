/**
 * The domain events: what happened in a workspace that other parts of the product react
 * to (open editors refetch, cached values are dropped, and later alerts, verdicts and
 * scores are recomputed). One discriminated union on `type`, each with its own payload,
 * defined once here and validated with zod wherever an event is read back from storage
 * or a job. A new kind (`alert.raised`, `intervention.logged`, `score.recomputed`, ...)
 * is one more schema in `domainEventSchema`.
 */
import { z } from 'zod';
import { COUNTING_POLICIES } from '../counting/counting-rules';
import { IMPORT_ENTITIES } from '../ingest/import-entity';

const isoInstant = z.iso.datetime({ offset: true });

/** A committed import: which entity, the workspace's new data version, the time it touched. */
export const importCommittedEventSchema = z.object({
  type: z.literal('import.committed'),
  payload: z.object({
    importId: z.string(),
    entity: z.enum(IMPORT_ENTITIES),
    dataVersion: z.number().int(),
    /** The span of event time the written rows cover (null when no row has a time). */
    changedFrom: isoInstant.nullable(),
    changedTo: isoInstant.nullable(),
  }),
});

const countingPolicySchema = z.enum(COUNTING_POLICIES);

/** A change of what counts: the counting policy or the duplicate tolerance (old and new value). */
export const countingChangedEventSchema = z.object({
  type: z.literal('counting.changed'),
  payload: z.object({
    dataVersion: z.number().int(),
    changes: z.object({
      countingPolicy: z.object({ from: countingPolicySchema, to: countingPolicySchema }).optional(),
      duplicateToleranceSeconds: z
        .object({ from: z.number().int(), to: z.number().int() })
        .optional(),
    }),
  }),
});

/**
 * Notifications were added to people's inboxes (alerts, escalations, digests): open apps of
 * those people refetch their inbox and badges.
 */
export const notificationsAddedEventSchema = z.object({
  type: z.literal('notifications.added'),
  payload: z.object({ personIds: z.array(z.string()) }),
});

/** A backfill of a score model over history was asked for (its progress is its row). */
export const scoreBackfillRequestedEventSchema = z.object({
  type: z.literal('score.backfill_requested'),
  payload: z.object({ modelId: z.string(), backfillId: z.string() }),
});

/** Every domain event, told apart by `type`. */
export const domainEventSchema = z.discriminatedUnion('type', [
  importCommittedEventSchema,
  countingChangedEventSchema,
  notificationsAddedEventSchema,
  scoreBackfillRequestedEventSchema,
]);

export type DomainEvent = z.infer<typeof domainEventSchema>;
export type DomainEventType = DomainEvent['type'];
/** The event of one type, e.g. `DomainEventOf<'import.committed'>`. */
export type DomainEventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/**
 * Every event type this build knows, in the order of the union.
 *
 * @example DOMAIN_EVENT_TYPES.includes('counting.changed'); // true
 */
export const DOMAIN_EVENT_TYPES = domainEventSchema.options.map(
  (option) => option.shape.type.value,
) as readonly DomainEventType[];

/**
 * True when `type` is an event type this build knows (storage may hold newer ones).
 *
 * @example isDomainEventType('import.committed'); // true
 */
export function isDomainEventType(type: string): type is DomainEventType {
  return (DOMAIN_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Whether the event changes the values a tree shows: cached tree views of the workspace
 * are stale and open editors refetch.
 *
 * @example changesWorkspaceData({ type: 'counting.changed', payload }); // true
 */
export function changesWorkspaceData(event: DomainEvent): boolean {
  switch (event.type) {
    case 'import.committed':
    case 'counting.changed':
      return true;
    case 'notifications.added':
    case 'score.backfill_requested':
      return false;
  }
}
