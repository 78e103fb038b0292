/**
 * GET /api/people: the workspace's people, whom the tree editor offers as RACI owners
 * (Accountable, Responsible, Consulted, Informed).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listPeople, type Person } from '@treeline/db';
import type { AppEnv } from '../../context';

export const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'editor', 'viewer']),
    initials: z
      .string()
      .openapi({ description: 'As node cards show the owner, e.g. "MC" for Maya Chen' }),
  })
  .openapi('Person');

const listRoute = createRoute({
  method: 'get',
  path: '/people',
  tags: ['workspace'],
  summary: 'The people of the workspace',
  description: "Whom a tree node's RACI may name; ordered by name.",
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ people: z.array(PersonSchema) }) } },
      description: 'People, by name',
    },
  },
});

/** First and last initials, the way the tree view writes them ("Ann Marie Lee" → "AL"). */
function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

function personBody(person: Person) {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    initials: initialsOf(person.name),
  };
}

export const peopleRoutes = new OpenAPIHono<AppEnv>().openapi(listRoute, async (c) => {
  const { db } = c.get('deps');
  const people = await listPeople(db, c.get('workspace').id);
  return c.json({ people: people.map(personBody) }, 200);
});
