/**
 * The people of the workspace: whom a tree node's RACI may name, and who may act here.
 * Everyone may list them; an admin adds people (owners who only get email are normal),
 * invites them (an email with a one-time sign-in link), changes their role, and
 * deactivates them (they keep their RACI history; trees naming them get a warning).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { invitePerson } from '@treeline/auth';
import {
  DomainError,
  NewPersonSchema,
  notFound,
  PersonChangesSchema,
  PersonSchema,
  type PersonView,
} from '@treeline/core';
import {
  changePersonStanding,
  findPersonByEmail,
  insertPerson,
  listPeople,
  type Person,
  personStatus,
} from '@treeline/db';
import type { AppEnv } from '../../context';

const PersonId = z.object({ id: z.string().uuid() });
const personResponse = {
  200: {
    content: { 'application/json': { schema: PersonSchema } },
    description: 'The person',
  },
};

const listRoute = createRoute({
  method: 'get',
  path: '/people',
  tags: ['people'],
  summary: 'The people of the workspace',
  description: "Whom a tree node's RACI may name, and who may act here; ordered by name.",
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ people: z.array(PersonSchema) }) } },
      description: 'People, by name',
    },
  },
});

const createPersonRoute = createRoute({
  method: 'post',
  path: '/people',
  tags: ['people'],
  summary: 'Add a person (admin), and invite them if asked',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: NewPersonSchema,
        },
      },
    },
  },
  responses: {
    201: {
      content: { 'application/json': { schema: PersonSchema } },
      description: 'The person added',
    },
  },
});

const changeRoute = createRoute({
  method: 'patch',
  path: '/people/{id}',
  tags: ['people'],
  summary: "Change a person's name or role (admin)",
  request: {
    params: PersonId,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: PersonChangesSchema,
        },
      },
    },
  },
  responses: personResponse,
});

const inviteRoute = createRoute({
  method: 'post',
  path: '/people/{id}/invitation',
  tags: ['people'],
  summary: 'Email a person an invitation, or a fresh one (admin)',
  request: { params: PersonId },
  responses: personResponse,
});

const deactivateRoute = createRoute({
  method: 'post',
  path: '/people/{id}/deactivate',
  tags: ['people'],
  summary: 'Deactivate a person: they can no longer act here, their RACI history stays (admin)',
  request: { params: PersonId },
  responses: personResponse,
});

const reactivateRoute = createRoute({
  method: 'post',
  path: '/people/{id}/reactivate',
  tags: ['people'],
  summary: 'Reactivate a deactivated person (admin)',
  request: { params: PersonId },
  responses: personResponse,
});

/** First and last initials, the way the tree view writes them ("Ann Marie Lee" → "AL"). */
function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')
  ).toUpperCase();
}

export function personBody(person: Person): PersonView {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    status: personStatus(person),
    invitedAt: person.invited_at?.toISOString() ?? null,
    initials: initialsOf(person.name),
  };
}

export const peopleRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { db } = c.get('deps');
    const people = await listPeople(db, c.get('workspace').id);
    return c.json({ people: people.map(personBody) }, 200);
  })
  .openapi(createPersonRoute, async (c) => {
    const { db, auth, publicUrl } = c.get('deps');
    const workspace = c.get('workspace');
    const body = c.req.valid('json');
    if (await findPersonByEmail(db, workspace.id, body.email)) {
      throw new DomainError(
        'person_exists',
        `${body.email} is already one of the people of ${workspace.name}.`,
      );
    }
    let person = await insertPerson(db, workspace.id, {
      name: body.name,
      email: body.email.toLowerCase(),
      role: body.role,
    });
    if (body.invite) {
      const inviter = c.get('person');
      person = await invitePerson(auth, db, {
        workspace,
        personId: person.id,
        inviter: { personId: inviter?.id ?? null, name: inviter?.name ?? workspace.name },
        publicUrl,
      });
    }
    return c.json(personBody(person), 201);
  })
  .openapi(changeRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const person = await changePersonStanding(db, c.get('workspace').id, id, c.req.valid('json'));
    if (!person) throw notFound('Person', id);
    return c.json(personBody(person), 200);
  })
  .openapi(inviteRoute, async (c) => {
    const { db, auth, publicUrl } = c.get('deps');
    const { id } = c.req.valid('param');
    const workspace = c.get('workspace');
    const inviter = c.get('person');
    const person = await invitePerson(auth, db, {
      workspace,
      personId: id,
      inviter: { personId: inviter?.id ?? null, name: inviter?.name ?? workspace.name },
      publicUrl,
    });
    return c.json(personBody(person), 200);
  })
  .openapi(deactivateRoute, async (c) => {
    const { db, now } = c.get('deps');
    const { id } = c.req.valid('param');
    const person = await changePersonStanding(db, c.get('workspace').id, id, {
      deactivatedAt: (now ?? (() => new Date()))(),
    });
    if (!person) throw notFound('Person', id);
    return c.json(personBody(person), 200);
  })
  .openapi(reactivateRoute, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const person = await changePersonStanding(db, c.get('workspace').id, id, {
      deactivatedAt: null,
    });
    if (!person) throw notFound('Person', id);
    return c.json(personBody(person), 200);
  });
