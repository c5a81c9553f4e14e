/**
 * What the platform tells people, and the facts each message may show. A template of a kind may use
 * only its placeholders and must use the required ones (a receipt without its code is no receipt).
 */
export const NOTIFICATION_KINDS = {
  'dossier-received': {
    audience: 'applicant',
    critical: false,
    placeholders: ['applicantName', 'code', 'procedureName', 'appointmentDate', 'lookupUrl'],
    required: ['code', 'appointmentDate'],
  },
  'refused-at-intake': {
    audience: 'applicant',
    critical: true,
    placeholders: ['applicantName', 'code', 'procedureName', 'reasons'],
    required: ['code', 'reasons'],
  },
  'supplement-requested': {
    audience: 'applicant',
    critical: true,
    placeholders: ['applicantName', 'code', 'procedureName', 'reasons', 'lookupUrl'],
    required: ['code', 'reasons'],
  },
  // The officer's reason states the fees or obligations and how to meet them.
  'fees-due': {
    audience: 'applicant',
    critical: false,
    placeholders: ['applicantName', 'code', 'procedureName', 'reasons', 'lookupUrl'],
    required: ['code', 'reasons'],
  },
  'result-ready': {
    audience: 'applicant',
    critical: false,
    placeholders: ['applicantName', 'code', 'procedureName', 'resultChannel', 'lookupUrl'],
    required: ['code'],
  },
  // The hand-over: from now on the applicant may rate the service, at ratingUrl.
  'result-returned': {
    audience: 'applicant',
    critical: false,
    placeholders: ['applicantName', 'code', 'resultChannel', 'ratingUrl'],
    required: ['code'],
  },
  'late-apology': {
    audience: 'applicant',
    critical: true,
    placeholders: ['applicantName', 'code', 'procedureName', 'reason', 'newAppointmentDate'],
    required: ['code', 'newAppointmentDate'],
  },
  rejected: {
    audience: 'applicant',
    critical: true,
    placeholders: ['applicantName', 'code', 'procedureName', 'reasons'],
    required: ['code', 'reasons'],
  },
  'dossier-assigned': {
    audience: 'officer',
    critical: false,
    placeholders: ['code', 'procedureName', 'dueAt', 'workItemUrl'],
    required: ['code'],
  },
  'dossier-due-soon': {
    audience: 'officer',
    critical: false,
    placeholders: ['code', 'dueAt', 'workItemUrl'],
    required: ['code', 'dueAt'],
  },
  'dossier-overdue': {
    audience: 'officer',
    critical: false,
    placeholders: ['code', 'dueAt', 'workItemUrl'],
    required: ['code'],
  },
} as const;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export const CHANNELS = ['email', 'sms', 'zalo', 'inbox', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Channels with text templates. Webhooks carry the facts as JSON; a Zalo template records what the
 * ZNS template Zalo approved says (ZNS itself is sent its template id and the values).
 */
export const TEMPLATE_CHANNELS = ['email', 'sms', 'zalo', 'inbox'] as const satisfies readonly Channel[];
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, value);
}
