/** A tree template as GET /api/templates lists it: core's TreeTemplate, as data. */
import { z } from 'zod';
import type { TreeTemplate } from '../../trees/templates/tree-template';
import { describes } from '../describes';
import { FilterSchema, MotionSchema, NodeBandSchema } from './tree-draft';
import { EdgeRelationSchema } from './tree-view';

export const TreeTemplateSchema = describes<TreeTemplate>()(
  z
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
          relation: EdgeRelationSchema,
          role: z.enum(['numerator', 'denominator']).optional(),
          exponent: z.union([z.literal(1), z.literal(-1)]).optional(),
        }),
      ),
    })
    .meta({ id: 'TreeTemplate' }),
);
