import type { TemplateChannel, TemplateKind, TemplateLocale } from './queries';

/**
 * The values the service's document lists for a template's key, in the order the screen offers
 * them. `satisfies` keeps each list to the generated type, so a value the service drops fails the build.
 */
export const TEMPLATE_KINDS = [
  'dossier-received',
  'refused-at-intake',
  'supplement-requested',
  'fees-due',
  'result-ready',
  'result-returned',
  'late-apology',
  'rejected',
  'dossier-assigned',
  'dossier-due-soon',
  'dossier-overdue',
] as const satisfies readonly TemplateKind[];

export const TEMPLATE_CHANNELS = ['email', 'sms', 'zalo', 'inbox'] as const satisfies readonly TemplateChannel[];
export const TEMPLATE_LOCALES = ['vi', 'en'] as const satisfies readonly TemplateLocale[];

/** Channels whose messages carry a subject (an e-mail's, an inbox message's title); SMS and Zalo send the body alone. */
export function hasSubject(channel: string): boolean {
  return channel === 'email' || channel === 'inbox';
}

/** The `{{placeholders}}` a text uses, each once, in the order they first appear. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g)].map((match) => match[1]))];
}
