import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing';
import { buildTreeView } from '../trees/build-tree-view';
import { listTrees } from '../trees/tree.repository';
import { getTree } from '../trees/tree.service';
import { ensureDemoWorkspace } from './seed-demo-workspace';

describe('the demo workspace', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
  });
  afterAll(() => t.close());

  it('seeds the 16-node activity tree with exactly one Accountable per node and no hygiene warnings', async () => {
    const end = new Date('2026-11-15T12:00:00Z');
    const { workspace } = await ensureDemoWorkspace(t.db, {
      scale: { reps: 6, contacts: 300, activities: 4000 },
      months: 3,
      end,
    });
    const [summary] = await listTrees(t.db, workspace.id);
    const tree = (await getTree(t.db, workspace, summary!.id))!;
    expect(tree.draft.nodes).toHaveLength(16);
    expect(tree.errors).toEqual([]);
    expect(tree.warnings).toEqual([]);
    const view = (await buildTreeView(t.db, workspace, summary!.id, { grain: 'month', now: end }))!;
    expect(view.nodes.filter((node) => node.value === null).map((node) => node.label)).toEqual([]);
    expect(view.nodes.every((node) => node.accountable !== null)).toBe(true);
  });
});
