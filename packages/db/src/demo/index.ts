/** Deterministic demo CRM data: the generator (pure) and the writer (set-based inserts). */
export { type DemoCadenceChange, demoCadenceChange } from './demo-cadence-change';
export {
  DEMO_CADENCE_INTERVENTION,
  DEMO_PLACEBO_INTERVENTION,
  seedDemoInterventions,
} from './demo-interventions';
export {
  DEMO_SCALES,
  type DemoDataOptions,
  type DemoScale,
  type DemoScaleCounts,
} from './demo-options';
export type {
  DemoActivity,
  DemoCapacity,
  DemoContact,
  DemoCounts,
  DemoDeal,
  DemoEngagementEvent,
  DemoRep,
} from './demo-rows';
export { type DemoSequencingOutage, demoSequencingOutage } from './demo-sequencing-outage';
export { type DemoData, generateDemoData } from './generate-demo-data';
export {
  type DemoEntity,
  type InsertDemoDataOptions,
  type InsertedDemoData,
  insertDemoData,
} from './insert-demo-data';
export { SeededRandom } from './seeded-random';
