/**
 * The registry of durable subscribers: every process that runs the worker (the API
 * in-process, `treeline worker`) runs these. Adding one is a `defineSubscriber` in its
 * own file and a line here; all workers sharing a database must run the same build, since
 * the dispatcher enqueues jobs for the subscribers it knows.
 */
import { scoreBackfills, scoresAfterImport } from './contact-scoring';
import { interventionVerdicts } from './intervention-verdicts.subscriber';
import { movementAlerts } from './movement-alerts';
import type { Subscriber } from './subscriber';

export const DURABLE_SUBSCRIBERS: readonly Subscriber[] = [
  movementAlerts,
  scoresAfterImport,
  scoreBackfills,
  interventionVerdicts,
];
