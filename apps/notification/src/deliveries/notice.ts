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
