import { TREE_TEMPLATES, type TreeView } from '@treeline/core';
import { createWorkspace, insertDemoData, type Workspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createApp } from '../../app';
import { appActingAs } from '../../testing/app-acting-as';

/** The demo generator's data end just before NOW; the last complete month is Oct 2026. */
const NOW = new Date('2026-11-15T12:00:00Z');

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe.each(databaseKindsUnderTest())('templates on demo data, %s', (kind) => {
  let t: TestDatabase;
  let ws: Workspace;
  let owner: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    ws = await createWorkspace(t.db, {
      slug: 'demo-like',
      name: 'Demo-like',
      time_zone: 'America/New_York',
    });
    const [person] = await t.db
      .insertInto('people')
      .values({ workspace_id: ws.id, name: 'Maya Chen', email: 'maya@example.com', role: 'admin' })
      .returning('id')
      .execute();
    owner = person!.id;
    await insertDemoData(t.db, ws.id, {
      seed: 7,
      end: NOW,
      months: 4,
      timeZone: 'America/New_York',
      scale: { reps: 6, contacts: 300, activities: 4000 },
    });
    app = await appActingAs(
      {
        db: t.db,
        database: { kind: t.kind, location: t.location },
        now: () => NOW,
      },
      { workspaceId: ws.id, personId: owner },
    );
  });
  afterAll(() => t.close());

  it('lists every template as data', async () => {
    const res = await app.request('/api/templates');
    expect(res.status).toBe(200);
    const { templates } = (await res.json()) as {
      templates: Array<{ key: string; nodes: unknown[] }>;
    };
    expect(templates.map((template) => [template.key, template.nodes.length])).toEqual([
      ['activity_per_contact', 16],
      ['contact_to_customer', 11],
      ['contacts_growth', 12],
    ]);
  });

  it.each(TREE_TEMPLATES.map((template) => [template.key]))(
    'creates %s and its values add and multiply back to each parent (or show the residual)',
    async (templateKey) => {
      const created = await app.request('/api/trees', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ templateKey, owner }),
      });
      expect(created.status).toBe(201);
      const tree = (await created.json()) as { id: string; errors: unknown[]; warnings: unknown[] };
      expect(tree.errors).toEqual([]);
      expect(tree.warnings).toEqual([]);

      const res = await app.request(`/api/trees/${tree.id}/view?grain=month&periods=3`);
      expect(res.status).toBe(200);
      const view = (await res.json()) as TreeView;
      expect(view.period.label).toBe('Oct 2026');
      const byId = new Map(view.nodes.map((node) => [node.id, node]));
      for (const node of view.nodes) {
        expect(node.error, node.label).toBeNull();
        expect(node.value, node.label).not.toBeNull();
      }

      const groups = new Map<string, typeof view.edges>();
      for (const edge of view.edges) {
        const key = `${edge.source}|${edge.relation}`;
        groups.set(key, [...(groups.get(key) ?? []), edge]);
      }
      let checked = 0;
      for (const edges of groups.values()) {
        const parent = byId.get(edges[0]!.source)!;
        const children = edges.map((edge) => byId.get(edge.target)!);
        const residual = view.residuals
          .filter((r) => r.nodeId === parent.id && r.relation === edges[0]!.relation)
          .reduce((sum, r) => sum + r.value, 0);
        let implied: number;
        switch (edges[0]!.relation) {
          case 'sum':
            implied = children.reduce((sum, child) => sum + child.value!, 0);
            break;
          case 'product':
            implied = 1;
            for (const edge of edges) implied *= byId.get(edge.target)!.value! ** edge.exponent;
            break;
          case 'ratio': {
            const side = (role: 'numerator' | 'denominator') =>
              byId.get(edges.find((edge) => edge.role === role)!.target);
            const [numerator, denominator] = [side('numerator'), side('denominator')];
            implied = numerator!.value! / denominator!.value!;
            // A count's numerator and denominator are the parent's own.
            expect(numerator!.value, parent.label).toBe(parent.numerator);
            expect(denominator!.value, parent.label).toBe(parent.denominator);
            break;
          }
          case 'segments':
            implied =
              children.reduce((sum, child) => sum + child.numerator!, 0) / parent.denominator!;
            break;
          default:
            continue;
        }
        checked++;
        expect(
          close(parent.value!, implied + residual),
          `${parent.label} (${edges[0]!.relation})`,
        ).toBe(true);
        // Contributions of exact relations add up to the parent's change.
        if (parent.change && edges.every((edge) => edge.contribution !== null) && residual === 0) {
          const total = edges.reduce((sum, edge) => sum + edge.contribution!, 0);
          expect(close(total, parent.change.absolute), `${parent.label} contributions`).toBe(true);
        }
      }
      expect(checked).toBe(
        { activity_per_contact: 4, contact_to_customer: 2, contacts_growth: 3 }[templateKey],
      );

      if (templateKey === 'activity_per_contact') {
        const root = view.nodes.find((node) => node.label === 'Activity volume per contact')!;
        // Tasks have no channel node: they are the residual "other" of both channel splits.
        const perHour = view.nodes.find((node) => node.label === 'Touches per selling hour')!;
        expect(view.residuals).toEqual(
          expect.arrayContaining([
            { nodeId: root.id, relation: 'sum', value: expect.any(Number) },
            { nodeId: perHour.id, relation: 'sum', value: expect.any(Number) },
          ]),
        );
        expect(view.residuals).toHaveLength(2);
        expect(root.band).toMatchObject({
          kind: 'benchmark',
          motion: 'Mid-market outbound',
          min: 8,
          max: 14,
          window: { start: '2026-10-02T04:00:00.000Z', end: '2026-11-01T04:00:00.000Z', days: 30 },
        });
        expect(root.band!.value).toBeGreaterThan(0);
        expect(['below', 'within', 'above']).toContain(root.band!.status);
      }
    },
  );
});
