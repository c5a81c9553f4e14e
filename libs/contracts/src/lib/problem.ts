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

export interface FieldProblem {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
