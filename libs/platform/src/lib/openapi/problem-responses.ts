import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@onestop/contracts';
import { Problem } from './problem.schema';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

const MEANINGS: Record<ProblemStatus, string> = {
  400: 'The request is malformed; `errors` names the fields',
  401: 'No valid bearer token',
  403: 'The caller has no role that may do this',
  404: "Not found, or not within the caller's reach",
  409: 'The request conflicts with the current state; `detail` says how',
  413: "The body is larger than the route's limit",
  415: "The body's content type or encoding is not accepted",
  422: 'Well-formed, but refers to something that cannot be used',
  429: 'Too many requests; Retry-After says when to try again',
};

/** The operation's error answers, each RFC 9457 problem+json with the shared `Problem` schema. */
export function ProblemResponses(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(Problem),
    ...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })),
  );
}

/** One error answer whose meaning on this operation is more precise than the status's usual one. */
export function ProblemResponse(status: ProblemStatus, description: string): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiExtraModels(Problem), ApiResponse({ status, ...problemResponse(status, description) }));
}

/** A documented problem+json answer of the status, as the document's JSON holds it. */
export function problemResponse(status: ProblemStatus, description = MEANINGS[status]) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(Problem) } } } };
}
