/**
 * What the workspace's data holds for each filter and split dimension (GET
 * /api/dimension-values), so filters offer real values: the dimension lists come from
 * core's dimension catalog.
 */
import { z } from 'zod';
import { DIMENSION_KEYS, DIMENSION_VALUE_KINDS } from '../../metrics/dimension-catalog';

export const DimensionValueSchema = z
  .object({
    value: z.string().meta({ description: 'As filters take it, e.g. "EMEA East" or a rep id' }),
    label: z
      .string()
      .nullable()
      .meta({ description: "How people read it where the value is an id (a rep's name)" }),
    rows: z.number().int().nullable().meta({
      description:
        'Rows holding it (reps for team and rep_segment, contacts for source, deals for stage), where counted',
    }),
  })
  .meta({ id: 'DimensionValue' });

export const DimensionValuesSchema = z
  .object({
    dimension: z.enum(DIMENSION_KEYS),
    kind: z.enum(DIMENSION_VALUE_KINDS),
    values: z.array(DimensionValueSchema).nullable().meta({
      description: 'Every value it takes, or null for free text that is not listed',
    }),
  })
  .meta({ id: 'DimensionValues' });

export type DimensionValue = z.infer<typeof DimensionValueSchema>;
export type DimensionValues = z.infer<typeof DimensionValuesSchema>;
