import { HttpException } from '@nestjs/common';
import { FieldProblem, ProblemDetails } from '@onestop/contracts';

/**
 * An error that answers as RFC 9457 problem details. `type` is a stable URI-ish slug clients can
 * branch on; extensions carry what the client needs to recover (e.g. the allowed actions).
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    title: string,
    options: { type?: string; detail?: string; errors?: FieldProblem[]; extensions?: Record<string, unknown> } = {},
  ) {
    const body: ProblemDetails = {
      type: options.type ?? problemType(status),
      title,
      status,
      ...(options.detail ? { detail: options.detail } : {}),
      ...(options.errors ? { errors: options.errors } : {}),
      ...options.extensions,
    };
    super(body, status);
  }
}

export function problemType(status: number): string {
  return `https://onestop.gov.vn/problems/${STATUS_SLUGS[status] ?? `http-${status}`}`;
}

const STATUS_SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'unavailable',
};

/** 400 naming each field that was wrong. */
export function invalidRequest(errors: FieldProblem[]): ProblemException {
  return new ProblemException(400, 'The request is not valid', {
    type: problemType(400) + '/validation',
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}

/** 422: well-formed, but a code or rule does not hold (unknown procedure, unit not open...). */
export function unprocessableRequest(errors: FieldProblem[]): ProblemException {
  return new ProblemException(422, 'The request cannot be processed', {
    type: problemType(422) + '/reference',
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}
