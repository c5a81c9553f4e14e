import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiProblem, FieldProblem } from '../api/problem';
import i18n from '../i18n/i18n';

/**
 * A field problem as a sentence in the user's language: the form's own label for the field,
 * then what its check (code) says, with the check's parameters; the service's English message
 * only where the code is one the application does not know yet.
 */
export function fieldSentence(t: TFunction, problem: FieldProblem, label?: string): string {
  // The common namespace: a feature's own `t` would look for these strings in its namespace.
  const params = { ...(problem.params ?? {}), field: label ?? problem.field, message: problem.message, ns: 'common' };
  return t(`problems.field.${problem.code ?? 'unknown'}`, {
    ...params,
    defaultValue: t('problems.field.unknown', params),
  });
}

/** The problem as one sentence: what kind of refusal it is in the user's language, then the service's detail for a person to read. */
export function problemSentence(t: TFunction, error: unknown): string {
  const ns = 'common';
  if (!(error instanceof ApiProblem)) return t('problems.network', { ns });
  const kind =
    t(`problems.type.${error.slug}`, { ns, defaultValue: '' }) ||
    t(`problems.status.${error.status}`, { ns, defaultValue: '' }) ||
    t('problems.unknown', { ns, status: error.status });
  if (error.status === 429 && error.retryAfterSeconds)
    return `${kind} ${t('problems.retryAfter', { ns, seconds: error.retryAfterSeconds })}`;
  return kind;
}

/**
 * Puts each field problem next to the form field it names ('applicant.citizenId' → the field
 * ['applicant', 'citizenId']); returns the problems that name no field of this form, for an alert.
 */
export function showFieldProblems(
  t: TFunction,
  form: FormInstance,
  error: unknown,
  labels: Record<string, string> = {},
): FieldProblem[] {
  if (!(error instanceof ApiProblem)) return [];
  const known = new Set(Object.keys(labels));
  const unplaced: FieldProblem[] = [];
  const fields = error.errors.flatMap((problem) => {
    if (!known.has(problem.field)) {
      unplaced.push(problem);
      return [];
    }
    const name = problem.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return [{ name, errors: [fieldSentence(t, problem, labels[problem.field])] }];
  });
  form.setFields(fields);
  return unplaced;
}

/**
 * For dialogs that show what is left in an alert: places the field problems next to the form's
 * fields, and returns the error when something of it remains for the alert (no field named, a
 * field the form lacks, or no problem+json at all), else null.
 */
export function placeFieldProblems(form: FormInstance, error: unknown, labels: Record<string, string>): unknown {
  const unplaced = showFieldProblems(i18n.getFixedT(null, 'common'), form, error, labels);
  if (!(error instanceof ApiProblem) || unplaced.length > 0 || error.errors.length === 0) return error;
  return null;
}
