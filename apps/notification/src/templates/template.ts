import { NOTIFICATION_KINDS, NotificationKind } from '../domain/notification-kinds';

/** A template's text: `{{name}}` placeholders, nothing else between double braces. */
export interface TemplateText {
  /** Email subject (and inbox title); channels without one ignore it. */
  subject?: string;
  body: string;
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  code: 'strayBraces' | 'unknownPlaceholder' | 'missingPlaceholder';
  message: string;
  params?: Record<string, unknown>;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

/**
 * What is wrong with a template for a kind: unknown placeholders, missing required ones (in the
 * subject or the body), and braces that are not a placeholder. Empty when it may be saved.
 */
export function templateProblems(kind: NotificationKind, text: TemplateText): TemplateProblem[] {
  const { placeholders, required } = NOTIFICATION_KINDS[kind];
  const allowed = new Set<string>(placeholders);
  const problems: TemplateProblem[] = [];
  const used = new Set<string>();
  for (const field of ['subject', 'body'] as const) {
    const value = text[field];
    if (value === undefined) continue;
    if (value.replace(PLACEHOLDER, '').includes('{{') || value.replace(PLACEHOLDER, '').includes('}}')) {
      problems.push({ field, code: 'strayBraces', message: 'has braces that are not a {{placeholder}}' });
    }
    for (const name of placeholdersOf(value)) {
      used.add(name);
      if (!allowed.has(name))
        problems.push({
          field,
          code: 'unknownPlaceholder',
          params: { placeholder: name, allowed: placeholders },
          message: `uses {{${name}}}, which ${kind} does not provide (it provides: ${placeholders.join(', ')})`,
        });
    }
  }
  for (const name of required) {
    if (!used.has(name))
      problems.push({
        field: 'body',
        code: 'missingPlaceholder',
        params: { placeholder: name },
        message: `must use {{${name}}}`,
      });
  }
  return problems;
}

/** Fills the placeholders; a value the caller does not have renders as an empty string. */
export function renderTemplate(
  text: TemplateText,
  values: Partial<Record<string, string>>,
): { subject: string | null; body: string } {
  const fill = (value: string) => value.replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
  return { subject: text.subject === undefined ? null : fill(text.subject), body: fill(text.body) };
}

/**
 * SMS segments of a body: GSM-7 text fits 160 characters (153 per part when split), anything
 * else (Vietnamese diacritics) is UCS-2 at 70 (67). Gateways bill per segment.
 */
export function smsSegments(body: string): { encoding: 'gsm-7' | 'ucs-2'; segments: number } {
  const gsm = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/.test(body);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  const length = [...body].length;
  return { encoding: gsm ? 'gsm-7' : 'ucs-2', segments: length <= single ? 1 : Math.ceil(length / part) };
}
