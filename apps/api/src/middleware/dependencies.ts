/** Puts the app's dependencies on every request's context. */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../context';

export function dependencies(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('deps', deps);
    await next();
  };
}
