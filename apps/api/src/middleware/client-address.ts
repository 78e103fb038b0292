/**
 * better-auth limits sign-in attempts per client address, which it reads from a header.
 * Node's server sets none, so the request handed to better-auth carries the socket's
 * remote address in a header of our own; whatever the client sent under that name is
 * dropped first, so no one can pick their own bucket. (Behind a reverse proxy every client
 * has the proxy's address: the limit is then shared, which errs on the safe side.)
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { CLIENT_ADDRESS_HEADER } from '@treeline/auth';
import type { Context } from 'hono';

export function clientAddressed(c: Context): Request {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    // app.request in tests has no socket: better-auth then counts every caller as one.
  }
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return new Request(c.req.raw, { headers });
}
