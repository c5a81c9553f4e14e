import { VIETNAM_UTC_OFFSET_MINUTES } from '@onestop/calendar';
import { EventEnvelope } from '@onestop/contracts';
import { Reach } from '../recipients/channel-plan';
import { Locale, NotificationKind } from '../domain/notification-kinds';

/** Someone a notice is for. */
export interface NoticeRecipient {
  /** Stable within the event: `applicant` or `officer:<id>`; part of the exactly-once key. */
  key: string;
  /** The account whose preferences apply, if the person has one. */
  personId: string | null;
  reach: Reach;
}

/** What an event tells people: the kind of message, to whom, and the facts it shows. */
export interface Notice {
  event: EventEnvelope;
  kind: NotificationKind;
  dossier: { id: string; code: string; provinceCode: string; unitCodes: (string | null)[] };
  recipients: NoticeRecipient[];
  /** Placeholder values as the recipient's language writes them (dates, procedure names). */
  values(locale: Locale): Record<string, string>;
}

/** 2026-11-27 → 27/11/2026 in Vietnamese; ISO dates stay for English readers. */
export function formatDate(isoDate: string | null, locale: Locale): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return locale === 'vi' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}

/** An instant as the province's clock shows it (Vietnam, UTC+7, no daylight saving). */
export function formatInstant(instant: string | null, locale: Locale): string {
  if (!instant) return '';
  const local = new Date(new Date(instant).getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString();
  return `${formatDate(local.slice(0, 10), locale)} ${local.slice(11, 16)}`;
}
