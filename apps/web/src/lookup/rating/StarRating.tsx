import { useId } from 'react';

interface StarRatingProps {
  value: number | null;
  onChange: (score: number) => void;
  /** The group's name, read before the stars. */
  label: string;
  /** Each star's name, from 1 to 5 ("1 star: very dissatisfied" …). */
  starLabels: readonly string[];
  /** What the chosen score means, shown beside the stars. */
  meaning?: string;
  /** Why nothing is chosen yet, after a try to send: tied to the group for screen readers. */
  error?: string;
}

/**
 * Five stars as a native radio group: each star a radio with its own name, arrow keys moving
 * between them, the stars up to the chosen one filled. No component library: the look-up page
 * stays within the citizens' JavaScript budget.
 */
export function StarRating({ value, onChange, label, starLabels, meaning, error }: StarRatingProps) {
  const name = useId();
  const meaningId = `${name}-meaning`;
  const errorId = `${name}-error`;
  const describedBy = [meaning ? meaningId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="star-rating" aria-describedby={describedBy} aria-invalid={Boolean(error) || undefined}>
      <legend className="star-rating-label">{label}</legend>
      <div role="radiogroup" aria-label={label} className="star-rating-stars">
        {starLabels.map((starLabel, index) => {
          const score = index + 1;
          return (
            <label
              key={score}
              className={`star-rating-star${value !== null && score <= value ? ' star-rating-star-on' : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={score}
                checked={value === score}
                onChange={() => onChange(score)}
                aria-label={starLabel}
              />
              <span aria-hidden="true">★</span>
            </label>
          );
        })}
      </div>
      {meaning && (
        <span id={meaningId} className="star-rating-meaning" aria-live="polite">
          {meaning}
        </span>
      )}
      {error && (
        <p id={errorId} className="public-field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
