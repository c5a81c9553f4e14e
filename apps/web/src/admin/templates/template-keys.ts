import type { TemplateChannel, TemplateLocale } from './queries';

/** The channels and languages a template exists in, as the service's document lists them. */
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
