import { ProblemException, problemType } from '@onestop/platform';

/** 422: well-formed, but a code or rule does not hold (unknown procedure, unit not open...). */
export function unprocessable(field: string, message: string, ...more: { field: string; message: string }[]): ProblemException {
  const errors = [{ field, message }, ...more];
  return new ProblemException(422, 'The request cannot be processed', {
    type: `${problemType(422)}/reference`,
    detail: errors.map((error) => `${error.field}: ${error.message}`).join('; '),
    errors,
  });
}
