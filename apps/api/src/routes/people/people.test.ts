import { createWorkspace } from '@treeline/db';
import {
  createTestDatabase,
  databaseKindsUnderTest,
  type TestDatabase,
} from '@treeline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';

describe.each(databaseKindsUnderTest())('people API on %s', (kind) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const ws = await createWorkspace(t.db, { slug: 'people', name: 'People Co' });
    const other = await createWorkspace(t.db, { slug: 'other', name: 'Other Co' });
    await t.db
      .insertInto('people')
      .values([
        { workspace_id: ws.id, name: 'Sam Okafor', email: 'sam@example.com', role: 'editor' },
        {
          workspace_id: ws.id,
          name: 'Ann Marie Lee',
          email: 'ann@example.com',
          role: 'admin',
        },
        { workspace_id: ws.id, name: 'Cher', email: 'cher@example.com', role: 'viewer' },
        { workspace_id: other.id, name: 'Eve Stranger', email: 'eve@example.com', role: 'admin' },
      ])
      .execute();
    app = createApp({
      db: t.db,
      database: { kind: t.kind, location: t.location },
      resolveWorkspace: async () => ws,
    });
  });
  afterAll(() => t.close());

  it("lists the workspace's people by name, with the initials node cards show", async () => {
    const res = await app.request('/api/people');
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as {
      people: Array<{ id: string; name: string; email: string; role: string; initials: string }>;
    };
    expect(people.map(({ name, email, role, initials }) => [name, email, role, initials])).toEqual([
      ['Ann Marie Lee', 'ann@example.com', 'admin', 'AL'],
      ['Cher', 'cher@example.com', 'viewer', 'C'],
      ['Sam Okafor', 'sam@example.com', 'editor', 'SO'],
    ]);
    expect(people.every((person) => /^[0-9a-f-]{36}$/.test(person.id))).toBe(true);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain('/api/people');
  });
});
