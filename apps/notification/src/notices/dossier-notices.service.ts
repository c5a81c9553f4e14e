import { Injectable } from '@nestjs/common';
import { DOSSIER_STATUS, DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import {
  DossierReceivedEvent,
  DossierRefusedEvent,
  EventDataKeys,
  openDossierReceived,
  openDossierRefused,
} from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { EntityManager } from 'typeorm';
import { NoticePlanner } from '../deliveries/notice-planner';
import { NotificationKind } from '../domain/notification-kinds';
import { contactFromIntake } from '../recipients/dossier-contact';
import { DossierContactsStore } from '../recipients/dossier-contacts.store';
import { applicantNotice, planApplicantNotice } from './applicant-notice';
import { formatInstant } from './notice-dates';
import { NoticeLinks } from './notice-links';

const RESULT_CHANNEL_NAMES: Record<string, { vi: string; en: string }> = {
  counter: { vi: 'nhận tại quầy', en: 'at the counter' },
  post: { vi: 'qua bưu chính', en: 'by post' },
  electronic: { vi: 'bản điện tử', en: 'electronically' },
};

/** The notice each status tells the applicant of; a done dossier whose decision was a rejection is told as such. */
const KIND_OF_STATUS: Partial<Record<number, NotificationKind>> = {
  [DOSSIER_STATUS.supplementRequested]: 'supplement-requested',
  [DOSSIER_STATUS.feesDue]: 'fees-due',
  [DOSSIER_STATUS.stopped]: 'rejected',
  [DOSSIER_STATUS.done]: 'result-ready',
  [DOSSIER_STATUS.returned]: 'result-returned',
};

/** What a dossier's life tells its applicant and the officer it is assigned to; each in the event's transaction. */
@Injectable()
export class DossierNoticesService {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly contacts: DossierContactsStore,
    private readonly links: NoticeLinks,
    private readonly eventData: EventDataKeys,
    private readonly units: AdministrativeUnits,
    private readonly clock: Clock,
  ) {}

  /** The receipt: the applicant learns the code, the appointment date and where to follow it. */
  async received(event: DossierReceivedEvent, tx: EntityManager): Promise<void> {
    const contact = contactFromIntake(openDossierReceived(event, this.eventData), event.payload.appointmentDate);
    await this.contacts.record(tx, contact, this.clock.now());
    await this.planner.plan(tx, applicantNotice(event, 'dossier-received', contact, this.links, []));
  }

  /** A refusal at the desk, with its reasons: a legal notice. */
  async refused(event: DossierRefusedEvent, tx: EntityManager): Promise<void> {
    const contact = contactFromIntake(openDossierRefused(event, this.eventData), null);
    await this.contacts.record(tx, contact, this.clock.now());
    await this.planner.plan(
      tx,
      applicantNotice(event, 'refused-at-intake', contact, this.links, [], () => ({ reasons: event.payload.reasons })),
    );
  }

  /**
   * Status changes that concern the applicant: a supplement or fees asked for, the result ready (or
   * the refusal, once its signed decision exists), processing stopped, the result handed over.
   */
  async statusChanged(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    const change = event.payload;
    if (change.action === 'approve' || change.action === 'reject') {
      return this.contacts.recordDecision(
        tx,
        change.dossierId,
        change.action === 'approve' ? 'approved' : 'rejected',
        change.reason,
      );
    }
    const kind = KIND_OF_STATUS[change.to];
    if (!kind) return;
    const contact = await this.contacts.find(tx, change.dossierId);
    const rejected = kind === 'rejected' || (change.to === DOSSIER_STATUS.done && contact?.decision === 'rejected');
    const reasons = (rejected ? (change.reason ?? contact?.decisionReason) : change.reason) ?? '';
    const channel = change.resultChannel ? RESULT_CHANNEL_NAMES[change.resultChannel] : null;
    await planApplicantNotice(tx, this.planner, this.links, {
      event,
      kind: rejected ? 'rejected' : kind,
      code: change.code,
      contact,
      unitCodes: [change.unitCode],
      // The hand-over opens the rating: its notice links to the look-up page where the applicant rates.
      extra: (locale) => ({
        reasons,
        resultChannel: channel?.[locale] ?? '',
        ...(kind === 'result-returned' ? { ratingUrl: this.links.rating(change.code) } : {}),
      }),
    });
  }

  /** The officer a dossier is assigned to hears of it. */
  async assigned(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    const routed = event.payload;
    if (!routed.assigneeId) return;
    const contact = await this.contacts.find(tx, routed.dossierId);
    // The dossier's province, else (its receipt was never seen here) the province of the unit it went to.
    const provinceCode = contact?.provinceCode ?? (await this.units.find(routed.unitCode))?.provinceCode ?? '';
    await this.planner.plan(tx, {
      event,
      kind: 'dossier-assigned',
      dossier: { id: routed.dossierId, code: routed.code, provinceCode, unitCodes: [routed.unitCode] },
      recipients: [this.links.officer(routed.assigneeId)],
      values: (locale) => ({
        code: routed.code,
        procedureName: contact?.procedureName[locale] ?? '',
        dueAt: formatInstant(routed.dueAt, locale),
        workItemUrl: this.links.workItem(routed.dossierId),
      }),
    });
  }
}
