/** RFC 9457 problem details, as every service answers an error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** The fields that were wrong, by their path in the request (`applicant.citizenId`). */
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/**
 * One field that was wrong. `code` is stable for clients to translate: the class-validator
 * constraint that failed (isNotEmpty, matches, maxLength, isIn...) or the name of a service's own
 * check (unknownReference, notOwnUnit...); `params` are the constraint's values the sentence needs
 * (`{ max: 200 }`, `{ allowed: [...] }`). `message` is the English sentence.
 */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
