import type { components } from '../api/generated/notification';

type NoticeKind = components['schemas']['TemplateVersionDto']['kind'];

/**
 * The kinds of notice the platform sends, as the notification service's document lists them, in
 * the order of a dossier's life: templates and webhook subscriptions are chosen by these.
 */
export const NOTICE_KINDS = [
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
] as const satisfies readonly NoticeKind[];
