/**
 * GET /api/session: who is signed in, the workspaces they act in (with their person and
 * role there), the embedded demo's people when the server runs it, and whether the
 * installation still needs its first admin. POST /api/workspaces answers a Membership;
 * POST /api/setup the first admin's workspace.
 */
import { z } from 'zod';
import { RoleSchema } from './roles';

export const WorkspaceRefSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'WorkspaceRef' });

export const MembershipSchema = z
  .object({
    workspace: WorkspaceRefSchema,
    person: z.object({ id: z.string(), name: z.string(), role: RoleSchema }),
  })
  .meta({ id: 'Membership' });

export const SessionSchema = z
  .object({
    user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    via: z.enum(['session', 'token', 'demo']).nullable().meta({
      description: 'How the request is signed in; demo: the demo admin, no sign-in step',
    }),
    memberships: z.array(MembershipSchema),
    demo: z
      .object({
        workspace: WorkspaceRefSchema,
        people: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
      })
      .nullable()
      .meta({ description: 'The embedded demo: anyone may act as any of these people' }),
    setupNeeded: z.boolean().meta({
      description: 'No account exists yet: the first-run page can create the first admin',
    }),
  })
  .meta({ id: 'Session' });

export const NewWorkspaceSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and dashes')
      .max(40)
      .optional(),
    timeZone: z.string().optional().meta({ example: 'Europe/Berlin' }),
  })
  .meta({ id: 'NewWorkspace' });

export const FirstAdminSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.string().trim().email(),
    password: z.string().min(1).max(128),
    workspaceName: z.string().trim().min(1).max(80).optional(),
  })
  .meta({ id: 'FirstAdmin' });

export const SetupDoneSchema = z
  .object({ workspace: WorkspaceRefSchema })
  .meta({ id: 'SetupDone' });

export type Session = z.infer<typeof SessionSchema>;
export type Membership = z.infer<typeof MembershipSchema>;
export type WorkspaceRef = z.infer<typeof WorkspaceRefSchema>;
export type FirstAdmin = z.infer<typeof FirstAdminSchema>;
