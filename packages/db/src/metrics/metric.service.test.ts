import type { MetricSpec, TreeDraftNode } from '@treeline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../schema/database';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  domainErrorOf,
  type TestDatabase,
} from '../testing';
import { createTree, getTree, saveTree } from '../trees/tree.service';
import { createWorkspace } from '../workspaces/workspace.repository';
import { createMetric, listMetrics, updateMetric } from './metric.service';
import { lockMetricCatalog } from './metric-catalog-lock';

const metric = (key: string, definition: MetricSpec['definition']): MetricSpec => ({
  key,
  name: key,
  description: '',
  unit: 'count',
  direction: 'higher_is_better',
  kind: 'input',
  definition,
});

describe.each(databaseKindsUnderTest())('changing a metric that trees use, on %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let ann: string;

  const node = (id: string, metricKey: string, extra: Partial<TreeDraftNode> = {}) => ({
    id,
    metricKey,
    label: id,
    filter: {},
    position: { x: 0, y: 0 },
    band: null,
    raci: { accountable: [ann], responsible: [], consulted: [], informed: [] },
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, { slug: 'metric-edits', name: 'Metric Edits Co' });
    const person = await t.db
      .insertInto('people')
      .values({ workspace_id: ws.id, name: 'Ann', email: 'ann@example.com', role: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    ann = person.id;
    await createMetric(
      t.db,
      ws.id,
      metric('touches', { type: 'count', source: 'activities', filter: { channel: 'call' } }),
    );
    // Refers to touches: a change to touches reaches the trees that use this one too.
    await createMetric(
      t.db,
      ws.id,
      metric('touches_twice', { type: 'formula', expression: 'touches + touches' }),
    );
    const tree = await createTree(t.db, ws, { name: 'Outbound', owner: ann });
    await saveTree(t.db, ws, tree.id, {
      version: tree.version,
      draft: {
        ...tree.draft,
        nodes: [
          node('Inbound touches', 'touches', { filter: { direction: 'inbound' } }),
          node('Doubled by direction', 'touches_twice', {
            filter: { direction: 'outbound' },
            position: { x: 300, y: 0 },
          }),
        ],
      },
    });
    // A tree with a problem of its own, from before (a node filtered by a dimension no
    // metric has, written past the service): it must not block changes that do not add one.
    const legacy = await createTree(t.db, ws, { name: 'Legacy', owner: ann });
    const saved = await saveTree(t.db, ws, legacy.id, {
      version: legacy.version,
      draft: { ...legacy.draft, nodes: [node('Legacy touches', 'touches')] },
    });
    await t.db
      .updateTable('tree_nodes')
      .set({ filter: JSON.stringify({ colour: 'red' }) })
      .where('tree_id', '=', saved!.id)
      .execute();
  });
  afterAll(() => t.close());

  it('refuses a change that a tree using the metric cannot take, naming tree and node', async () => {
    // Contacts have no direction: both nodes' filters would stop evaluating.
    const error = await domainErrorOf(
      updateMetric(t.db, ws.id, 'touches', {
        definition: { type: 'count', source: 'contacts', filter: {} },
      }),
    );
    expect(error.code).toBe('metric_breaks_trees');
    expect(error.message).toContain("changing 'touches' would break trees that use it");
    expect(error.message).toContain("in tree 'Outbound'");
    const errors = error.details.errors as Array<{ treeName: string; nodeId: string }>;
    const outbound = errors.filter((e) => e.treeName === 'Outbound');
    expect(outbound).toHaveLength(2);
    expect(errors.filter((e) => e.treeName === 'Legacy')).toEqual([]);
    // Nothing was changed.
    const stored = (await listMetrics(t.db, ws.id)).find((m) => m.key === 'touches');
    expect(stored?.definition).toEqual({
      type: 'count',
      source: 'activities',
      filter: { channel: 'call' },
    });
  });

  it('waits for a tree write in progress before it checks the trees', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    // A tree save holds the catalog's lock for its check and write.
    const save = t.db.transaction().execute(async (trx) => {
      await lockMetricCatalog(trx, ws.id, 'use');
      locked();
      await held;
    });
    await lockTaken;
    let done = false;
    const change = updateMetric(t.db, ws.id, 'touches', { description: 'Waited' }).then((m) => {
      done = true;
      return m;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    release();
    await save;
    expect((await change)?.description).toBe('Waited');
  });

  it('takes a change every tree still validates with, and one to a tree with problems of its own', async () => {
    const updated = await updateMetric(t.db, ws.id, 'touches', {
      name: 'Touches',
      definition: { type: 'count', source: 'activities', filter: { channel: 'email' } },
    });
    expect(updated).toMatchObject({
      name: 'Touches',
      definition: { filter: { channel: 'email' } },
    });
    const trees = await t.db.selectFrom('trees').select(['id', 'name']).execute();
    const outbound = trees.find((tree) => tree.name === 'Outbound')!;
    expect((await getTree(t.db, ws, outbound.id))?.errors).toEqual([]);
    const legacy = trees.find((tree) => tree.name === 'Legacy')!;
    expect((await getTree(t.db, ws, legacy.id))?.errors.map((e) => e.code)).toEqual([
      'unknown_dimension',
    ]);
  });
});
