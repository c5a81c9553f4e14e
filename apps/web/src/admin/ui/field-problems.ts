import { ApiProblem } from '../../api/problem';

/**
 * The same problem with its fields renamed from the request's nesting to the form's: a preview
 * sends the form as `draft`, and its problems name `draft.body` where the form has `body`.
 */
export function unnested(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiProblem)) return error;
  const errors = error.errors.map((problem) =>
    problem.field.startsWith(prefix) ? { ...problem, field: problem.field.slice(prefix.length) } : problem,
  );
  return new ApiProblem(
    error.status,
    error.type,
    error.title,
    error.detail,
    errors,
    error.body,
    error.retryAfterSeconds,
  );
}
