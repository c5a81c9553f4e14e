import { ProblemException, problemType } from '@onestop/platform';

/** 422: well-formed, but a code or rule does not hold (unknown procedure, unit not open...). */
export function unprocessable(field: string, message: string): ProblemException {
  return new ProblemException(422, 'The request cannot be processed', {
    type: `${problemType(422)}/reference`,
    detail: `${field}: ${message}`,
    errors: [{ field, message }],
  });
}
