import { ReactNode } from 'react';

export type Tone = 'blue' | 'cyan' | 'red' | 'orange' | 'gold' | 'green' | 'grey';

/**
 * A short label marked by colour, with dark text on a light ground: Ant Design's coloured tags
 * put light text on a lighter ground, below WCAG AA's contrast, so statuses use this instead.
 */
export function Pill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`pill pill-${tone}`}>{children}</span>;
}
