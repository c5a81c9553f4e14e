import { ConfigProvider, Rate } from 'antd';
import { cloneElement, isValidElement, ReactElement, useId } from 'react';

/** Stars readable on white: the chosen ones dark gold, the others mid grey (both at least 3:1, WCAG 1.4.11). */
const STARS_THEME = { components: { Rate: { starColor: '#ad6800', starBg: '#8c8c8c' } } };

interface StarRatingProps {
  /** Filled by Form.Item: the score chosen, 1 to 5. */
  value?: number;
  onChange?: (score: number) => void;
  /** The group's name, read before the stars. */
  label: string;
  /** Each star's name, from 1 to 5 ("1 star: very dissatisfied" …). */
  starLabels: readonly string[];
  /** What the chosen score means, shown beside the stars. */
  meaning?: string;
  disabled?: boolean;
}

/**
 * Ant Design's Rate as one radio group: each star a radio with its own name (Rate gives them none),
 * the group named by `label`, the chosen score's meaning written out beside it.
 */
export function StarRating({ value, onChange, label, starLabels, meaning, disabled }: StarRatingProps) {
  const labelId = useId();
  const meaningId = useId();
  // Rate renders each star as <li><div role="radio">…</div></li>: the name goes on the radio.
  const named = (star: ReactElement, { index = 0 }: { index?: number }) => {
    const radio = (star.props as { children?: unknown }).children;
    return isValidElement(radio) ? cloneElement(star, {}, cloneElement(radio as ReactElement<Record<string, unknown>>, { 'aria-label': starLabels[index] })) : star;
  };
  return (
    <div role="radiogroup" aria-labelledby={labelId} aria-describedby={meaning ? meaningId : undefined} aria-disabled={disabled || undefined} className="star-rating">
      <span id={labelId} className="star-rating-label">
        {label}
      </span>
      <ConfigProvider theme={STARS_THEME}>
        <Rate value={value} onChange={onChange} disabled={disabled} characterRender={named} style={{ fontSize: 32 }} />
      </ConfigProvider>
      {meaning && (
        <span id={meaningId} className="star-rating-meaning" aria-live="polite">
          {meaning}
        </span>
      )}
    </div>
  );
}
