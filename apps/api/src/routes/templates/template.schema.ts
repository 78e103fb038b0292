/** OpenAPI schema of a tree template (core's TreeTemplate, as data). */
import { z } from '@hono/zod-openapi';
import { FilterSchema, MotionSchema, NodeBandSchema } from '../trees/tree-draft.schema';

export const TreeTemplateSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    description: z.string(),
    motion: MotionSchema.optional(),
    nodes: z.array(
      z.object({
        ref: z.string(),
        metricKey: z.string(),
        label: z.string(),
        filter: FilterSchema.optional(),
        position: z.object({ x: z.number(), y: z.number() }),
        band: NodeBandSchema.optional(),
      }),
    ),
    edges: z.array(
      z.object({
        parent: z.string(),
        child: z.string(),
        relation: z.enum(['sum', 'product', 'ratio', 'segments', 'formula', 'driver']),
        role: z.enum(['numerator', 'denominator']).optional(),
        exponent: z.union([z.literal(1), z.literal(-1)]).optional(),
      }),
    ),
  })
  .openapi('TreeTemplate');
