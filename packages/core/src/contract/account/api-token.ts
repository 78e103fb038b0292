/**
 * A workspace's API tokens (admin): for imports and integrations, shown once, stored
 * hashed, read or read-write scope, with the time each was last used.
 */
import { z } from 'zod';

export const TOKEN_SCOPES = ['read', 'read_write'] as const;

export const TokenScopeSchema = z.enum(TOKEN_SCOPES).meta({
  description: 'read: what a viewer may read; read_write: what an editor may do (imports)',
});

export const ApiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    start: z.string().nullable().meta({ description: 'The first characters, to tell keys apart' }),
    scope: TokenScopeSchema,
    createdBy: z.string().nullable().meta({ description: 'The admin (person id) who made it' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const NewApiTokenSchema = z
  .object({ name: z.string().trim().min(1).max(32), scope: TokenScopeSchema })
  .meta({ id: 'NewApiToken' });

export const CreatedApiTokenSchema = z
  .object({
    token: ApiTokenSchema,
    key: z.string().meta({
      description:
        'Send it as `Authorization: Bearer <key>`. Shown once: it is stored only hashed.',
    }),
  })
  .meta({ id: 'CreatedApiToken' });

export type ApiTokenView = z.infer<typeof ApiTokenSchema>;
export type TokenScope = z.infer<typeof TokenScopeSchema>;
