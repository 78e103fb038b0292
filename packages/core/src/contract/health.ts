/** GET /api/health: is the API up, which database it uses, at which migration level. */
import { z } from 'zod';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    location: z.string().meta({ description: 'Where the data lives (no password)' }),
    migration: z.string().nullable().meta({ description: 'The newest applied migration' }),
    latestMigration: z.string(),
  })
  .meta({ id: 'Health' });

export type Health = z.infer<typeof HealthSchema>;
