/**
 * RFC 9457 problem+json, the body of every error response: type, title, status and
 * detail, plus extension members (a validation problem's `errors`, a conflict's changes, a
 * refused import's counts). The API answers with it and the client reads it.
 */
import { z } from 'zod';

/** One thing wrong with the request: where (a field path, '' for the whole) and why. */
export const ProblemFieldErrorSchema = z.looseObject({ path: z.string(), message: z.string() });

/** The members every problem has; a problem of a known kind adds its own beside them. */
export const problemMembers = {
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
};

export const ProblemSchema = z
  .looseObject({
    ...problemMembers,
    /** Which fields were wrong, for validation problems (with more members where known). */
    errors: z.array(ProblemFieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof ProblemSchema>;
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;
