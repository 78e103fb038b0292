/**
 * A domain event as the outbox keeps it: the event with its id (unique and growing, but
 * not in commit order), its workspace and when its transaction recorded it.
 */
import { type DomainEvent, type DomainEventType, domainEventSchema } from './domain-event';

export type RecordedDomainEvent<T extends DomainEventType = DomainEventType> = Extract<
  DomainEvent,
  { type: T }
> & {
  id: number;
  workspaceId: string;
  recordedAt: Date;
};

/**
 * Checks a stored type and payload against the event schemas; throws a ZodError naming
 * the bad field when they do not match.
 *
 * @example
 * parseRecordedDomainEvent({ id: 7, workspaceId, recordedAt, type: 'counting.changed', payload });
 */
export function parseRecordedDomainEvent(stored: {
  id: number;
  workspaceId: string;
  recordedAt: Date;
  type: string;
  payload: unknown;
}): RecordedDomainEvent {
  const event = domainEventSchema.parse({ type: stored.type, payload: stored.payload });
  return {
    ...event,
    id: stored.id,
    workspaceId: stored.workspaceId,
    recordedAt: stored.recordedAt,
  };
}
