/** A field the service named as wrong, with the check it failed (`code`) for the sentence in the user's language. */
export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

/** An answer of the services in problem+json (RFC 9457), as an Error the screens can show. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldProblem[],
    /** Everything the service said, e.g. a 409's current state. */
    readonly body: Record<string, unknown>,
    readonly retryAfterSeconds: number | null,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }

  /** The last segment of the type URI (https://onestop.gov.vn/problems/invalid-request → invalid-request). */
  get slug(): string {
    return this.type.split('/').filter(Boolean).at(-1) ?? 'about:blank';
  }
}

/** Any failed answer: problem+json as the services send it, anything else (a proxy's 502 page) by its status alone. */
export function problemFrom(response: Response, body: unknown): ApiProblem {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiProblem(
    response.status,
    text(problem['type']) ?? `status-${response.status}`,
    text(problem['title']) ?? response.statusText,
    text(problem['detail']),
    Array.isArray(problem['errors']) ? (problem['errors'] as FieldProblem[]) : [],
    problem,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}
