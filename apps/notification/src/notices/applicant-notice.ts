import { Logger } from '@nestjs/common';
import { EventEnvelope } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { NoticePlanner } from '../deliveries/notice-planner';
import { Notice } from '../deliveries/notice';
import { DossierContact } from '../recipients/dossier-contact';
import { formatDate } from './notice-dates';
import { Locale, NotificationKind } from '../domain/notification-kinds';

/** Links the notices put in front of people. */
export interface Links {
  lookup(code: string): string;
}

/** A notice to the dossier's applicant, with the facts every applicant notice may show. */
export function applicantNotice(
  event: EventEnvelope,
  kind: NotificationKind,
  contact: DossierContact,
  links: Links,
  unitCodes: (string | null)[],
  extra: (locale: Locale) => Record<string, string> = () => ({}),
): Notice {
  return {
    event,
    kind,
    dossier: {
      id: contact.dossierId,
      code: contact.code,
      provinceCode: contact.provinceCode,
      unitCodes: [contact.receivingUnitCode, ...unitCodes],
    },
    recipients: [
      {
        key: 'applicant',
        personId: contact.accountSubject,
        reach: { email: contact.email, phone: contact.phone, account: contact.accountSubject },
      },
    ],
    values: (locale) => ({
      applicantName: contact.applicantName,
      code: contact.code,
      procedureName: contact.procedureName[locale],
      appointmentDate: formatDate(contact.appointmentDate, locale),
      lookupUrl: links.lookup(contact.code),
      ...extra(locale),
    }),
  };
}

const logger = new Logger('ApplicantNotice');

/**
 * Plans a notice to the applicant, whose contact notification kept from intake's events. Without
 * one (the service joined after the dossier was received) nobody can be reached: it says so.
 */
export async function planApplicantNotice(
  tx: EntityManager,
  planner: NoticePlanner,
  links: Links,
  notice: {
    event: EventEnvelope;
    kind: NotificationKind;
    code: string;
    contact: DossierContact | null;
    unitCodes: (string | null)[];
    extra?: (locale: Locale) => Record<string, string>;
  },
): Promise<void> {
  if (!notice.contact) {
    logger.warn(`no contact kept for dossier ${notice.code}: its ${notice.kind} notice is not sent`);
    return;
  }
  await planner.plan(
    tx,
    applicantNotice(notice.event, notice.kind, notice.contact, links, notice.unitCodes, notice.extra),
  );
}
