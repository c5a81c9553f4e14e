import type { FormInstance } from 'antd';
import { ApiProblem } from '../../api/problem';
import i18n from '../../i18n/i18n';
import { showFieldProblems } from '../../ui/problems';

/**
 * A field problem the service gave without a check code (a rule of its own, e.g. "must be a
 * working day") is said through the generic sentence with the service's message: naming it by a
 * code no sentence has makes the shared wording fall back to that sentence with the message in it.
 */
function withCodes(error: unknown): unknown {
  if (!(error instanceof ApiProblem) || error.errors.every((problem) => problem.code)) return error;
  const errors = error.errors.map((problem) => ({ ...problem, code: problem.code ?? 'service-rule' }));
  return new ApiProblem(error.status, error.type, error.title, error.detail, errors, error.body, error.retryAfterSeconds);
}

/**
 * Puts a refusal's field problems next to the form's fields (in the application's common
 * sentences, not this feature's namespace), and returns the error when something of it is left
 * for an alert: no field named, a field this form lacks, or no problem+json at all.
 */
export function placeFieldProblems(form: FormInstance, error: unknown, labels: Record<string, string>): unknown {
  const problem = withCodes(error);
  const unplaced = showFieldProblems(i18n.getFixedT(null, 'common'), form, problem, labels);
  if (!(problem instanceof ApiProblem) || unplaced.length > 0 || problem.errors.length === 0) return problem;
  return null;
}
