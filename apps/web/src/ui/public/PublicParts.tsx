import { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldSentence, problemSentence } from '../problems';
import { ApiProblem } from '../../api/problem';

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** A message in a coloured box; an error or a warning is announced as it appears. */
export function Callout({ tone, title, children }: { tone: Tone; title: string; children?: ReactNode }) {
  return (
    <div
      className={`public-callout public-callout-${tone}`}
      role={tone === 'error' || tone === 'warning' ? 'alert' : 'status'}
    >
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

/** A refused or failed call in the reader's language, with each field it names. */
export function ProblemCallout({ error, labels = {} }: { error: unknown; labels?: Record<string, string> }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fields = error instanceof ApiProblem ? error.errors : [];
  return (
    <Callout tone="error" title={problemSentence(t, error)}>
      {fields.length > 0 && (
        <ul>
          {fields.map((problem) => (
            <li key={problem.field + problem.message}>{fieldSentence(t, problem, labels[problem.field])}</li>
          ))}
        </ul>
      )}
    </Callout>
  );
}

/** A labelled text field whose problem (if any) is tied to it for screen readers. */
export function TextField({
  id,
  label,
  error,
  ...input
}: { id: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="public-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {error && (
        <p id={`${id}-error`} className="public-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Label and value rows, as a definition list. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="public-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
