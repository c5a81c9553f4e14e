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
    options: {
      type?: ProblemTypeSlug;
      detail?: string;
      errors?: FieldProblem[];
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    const body: ProblemDetails = {
      type: options.type ? problemTypeUri(options.type) : problemType(status),
      title,
      status,
      ...(options.detail ? { detail: options.detail } : {}),
      ...(options.errors ? { errors: options.errors } : {}),
      ...options.extensions,
    };
    super(body, status);
  }
}

export const PROBLEM_TYPE_BASE = 'https://onestop.gov.vn/problems/';

/**
 * Every problem type the platform answers with, by its slug under PROBLEM_TYPE_BASE: the status
 * and what it means. Clients branch on these; docs/operations.md lists them ("Problem types").
 */
export const PROBLEM_TYPES = {
  'bad-request': { status: 400, meaning: 'The request cannot be read: not JSON, nested too deep, an undecodable path' },
  'bad-request/validation': {
    status: 400,
    meaning: 'Fields are wrong; `errors` names each with a `code` and `params`',
  },
  unauthenticated: { status: 401, meaning: 'No valid bearer token' },
  forbidden: { status: 403, meaning: "The caller's role or unit may not do this" },
  'not-found': { status: 404, meaning: "Not found, or not within the caller's reach" },
  'not-found/queue-empty': { status: 404, meaning: "Nobody waits in the unit's queue" },
  conflict: { status: 409, meaning: 'The request conflicts with the current state' },
  'conflict/stale-version': { status: 409, meaning: 'The dossier changed since the caller read it; read it again' },
  'conflict/action-not-allowed': {
    status: 409,
    meaning: "The action is not allowed in the dossier's state; `allowedActions` lists those that are",
  },
  'conflict/not-handed-over': {
    status: 409,
    meaning: "The dossier's result has not been handed over yet: its service can be rated once it has",
  },
  'conflict/already-rated': {
    status: 409,
    meaning: 'The dossier was rated already; the first rating is kept (`rating` says which)',
  },
  'payload-too-large': { status: 413, meaning: "The body is larger than the route's limit" },
  'unsupported-media-type': { status: 415, meaning: "The body's content type or encoding is not accepted" },
  unprocessable: { status: 422, meaning: 'Well-formed, but a rule does not hold' },
  'unprocessable/reference': {
    status: 422,
    meaning: 'A field refers to something that cannot be used; `errors` names each with a `code`',
  },
  'too-many-requests': { status: 429, meaning: 'Rate limit reached; Retry-After says when to try again' },
  'too-many-requests/look-up-locked': {
    status: 429,
    meaning: 'Too many wrong tries at a public look-up; locked until Retry-After',
  },
  'internal-error': { status: 500, meaning: 'An unexpected fault; nothing is disclosed' },
  unavailable: { status: 503, meaning: 'A component the service needs is not ready' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ProblemTypeSlug = keyof typeof PROBLEM_TYPES;

/** The URI of a problem type of the table. */
export function problemTypeUri(slug: ProblemTypeSlug): string {
  return PROBLEM_TYPE_BASE + slug;
}

/** The general type of a status; a status the table lacks (none the platform answers with) gets `http-<status>`. */
export function problemType(status: number): string {
  const slug = (Object.keys(PROBLEM_TYPES) as ProblemTypeSlug[]).find(
    (candidate) => !candidate.includes('/') && PROBLEM_TYPES[candidate].status === status,
  );
  return PROBLEM_TYPE_BASE + (slug ?? `http-${status}`);
}

/** 400 naming each field that was wrong. */
export function invalidRequest(errors: FieldProblem[]): ProblemException {
  return new ProblemException(400, 'The request is not valid', {
    type: 'bad-request/validation',
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}

/** 422: well-formed, but a code or rule does not hold (unknown procedure, unit not open...). */
export function unprocessableRequest(errors: FieldProblem[]): ProblemException {
  return new ProblemException(422, 'The request cannot be processed', {
    type: 'unprocessable/reference',
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}
