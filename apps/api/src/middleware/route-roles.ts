/**
 * The role each workspace route needs. Reads need a viewer and writes an editor, unless a
 * route is listed here: the admin's routes (people, invitations, tokens, settings) and,
 * later, the writes a viewer may make (acknowledging their own alerts). A route added
 * without an entry gets the default of its method, so nothing is ever left open.
 */
import type { PersonRole } from '@treeline/db';

/** `METHOD /api/path/:param` → the role it needs, where it differs from the default. */
export const ROUTE_ROLES: Readonly<Record<string, PersonRole>> = {
  'PATCH /api/workspace': 'admin',
  'POST /api/people': 'admin',
  'PATCH /api/people/:id': 'admin',
  'POST /api/people/:id/invitation': 'admin',
  'POST /api/people/:id/deactivate': 'admin',
  'POST /api/people/:id/reactivate': 'admin',
  'GET /api/tokens': 'admin',
  'POST /api/tokens': 'admin',
  'DELETE /api/tokens/:id': 'admin',
  'GET /api/webhooks': 'admin',
  'POST /api/webhooks': 'admin',
  'DELETE /api/webhooks/:id': 'admin',
  'POST /api/webhooks/:id/test': 'admin',
  'GET /api/webhooks/:id/deliveries': 'admin',
  // Everyone's own preferences (the route acts on the signed-in person only).
  'PUT /api/preferences': 'viewer',
  // A viewer acts on their own alerts and inbox (the routes check whose they are).
  'POST /api/alerts/:id/status': 'viewer',
  'POST /api/inbox/:id/read': 'viewer',
  'POST /api/inbox/read': 'viewer',
};

/**
 * @example requiredRole('GET', '/api/trees/:id'); // 'viewer'
 * @example requiredRole('DELETE', '/api/tokens/:id'); // 'admin'
 */
export function requiredRole(method: string, path: string): PersonRole {
  const listed = ROUTE_ROLES[`${method} ${path}`];
  if (listed) return listed;
  return method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor';
}
