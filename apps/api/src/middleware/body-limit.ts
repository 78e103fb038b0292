/**
 * A request body limit on every API route (hono's bodyLimit), 1 MiB by default: more than
 * any tree, metric or settings body needs, far less than would hurt the server. The two
 * routes that stream files keep their own limits: POST /api/uploads stops at the upload
 * limit (docs/decisions/0016-upload-limit.md), and POST /api/bulk/{entity} reads records
 * as a stream, refused past 100 000 rows or a declared length over the upload limit.
 */
import { DomainError } from '@treeline/core';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../context';

/** 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 ** 2;

const STREAMED = /^\/api\/(uploads|bulk\/[^/]+)$/;

function sizeOf(bytes: number): string {
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(0)} MiB` : `${bytes} bytes`;
}

export function requestBodyLimit(
  maxBytes: number,
  maxStreamedBytes: number,
): MiddlewareHandler<AppEnv> {
  const tooLarge =
    (limit: number) =>
    (c: Context): never => {
      throw new DomainError(
        'body_too_large',
        `The request body of ${c.req.method} ${c.req.path} is larger than ${sizeOf(limit)}. Send less per request${limit === maxBytes ? ', or upload files through /api/uploads or the CLI' : ''}.`,
        { limitBytes: limit },
      );
    };
  const limited = bodyLimit({ maxSize: maxBytes, onError: tooLarge(maxBytes) });
  return async (c, next) => {
    if (!STREAMED.test(c.req.path)) return limited(c, next);
    const declared = Number(c.req.header('content-length') ?? Number.NaN);
    if (declared > maxStreamedBytes) tooLarge(maxStreamedBytes)(c);
    await next();
  };
}
