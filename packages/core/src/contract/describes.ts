/**
 * Ties a contract schema to the domain type it describes, where core's model keeps its own
 * type (TreeDraft, MetricDefinition, TreeTemplate…): the schema is written against the type
 * and the typecheck fails, at the schema, as soon as the two differ in either direction.
 */
import type { z } from 'zod';

/** A type with its intersections flattened, all the way down, so equal shapes compare equal. */
type Flat<T> = T extends readonly unknown[]
  ? { [I in keyof T]: Flat<T[I]> }
  : T extends object
    ? { [K in keyof T]: Flat<T[K]> }
    : T;

/**
 * true when A and B describe the same JSON field for field: the same fields, each as
 * optional, nullable and readonly in both, however either is written (an interface, an
 * intersection, a schema's inferred type).
 */
export type SameShape<A, B> =
  (<G>() => G extends Flat<A> ? 1 : 2) extends <G>() => G extends Flat<B> ? 1 : 2 ? true : false;

/**
 * The schema unchanged, once its output type and `T` have the same shape; otherwise the call
 * asks for a second argument (`schemaOutputDiffersFrom`), which is the compile error.
 *
 * @example
 * export const TreeIssueSchema = describes<TreeIssue>()(
 *   z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional(), edgeId: z.string().optional() }),
 * );
 */
export function describes<T>() {
  return <S extends z.ZodType>(
    schema: S,
    ..._mismatch: SameShape<z.output<S>, T> extends true ? [] : [schemaOutputDiffersFrom: T]
  ): S => schema;
}

/**
 * A named schema as one field uses it, with that field's own description: the OpenAPI
 * document refers to the named component and adds the description beside the reference.
 * Zod does not hand an `id` down to a schema's copies, so it is given again.
 *
 * @example period: withDescription(PeriodViewSchema, 'The period the values are for')
 */
export function withDescription<S extends z.ZodType>(schema: S, description: string): S {
  const id = schema.meta()?.id;
  return schema.meta({ ...(id === undefined ? {} : { id }), description });
}
