import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { fieldSentence, problemSentence } from './problems';

/** A refused or failed call, said in the user's language, with the fields it names that no form field shows. */
export function ProblemAlert({
  error,
  labels = {},
  placed = [],
}: {
  error: unknown;
  labels?: Record<string, string>;
  placed?: string[];
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const rest = error instanceof ApiProblem ? error.errors.filter((problem) => !placed.includes(problem.field)) : [];
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={problemSentence(t, error)}
      description={
        rest.length || (error instanceof ApiProblem && error.detail) ? (
          <>
            {error instanceof ApiProblem && error.detail && !rest.length ? <div>{error.detail}</div> : null}
            {rest.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {rest.map((problem) => (
                  <li key={problem.field + problem.message}>{fieldSentence(t, problem, labels[problem.field])}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
}
