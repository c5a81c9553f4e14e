import { Injectable } from '@nestjs/common';
import { DOSSIER_STATUS, DossierReceived, DossierRefusedAtIntake, DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { DossierReceivedEvent, DossierRefusedEvent, EventDataKeys, EventHandler, HandlesEvent, openDossierReceived, openDossierRefused } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { EntityManager } from 'typeorm';
import { formatInstant } from '../deliveries/notice';
import { NoticePlanner } from '../deliveries/notice-planner';
import { contactFromIntake, contactOf, recordContact, recordDecision } from '../recipients/dossier-contacts';
import { NotificationKind } from '../domain/notification-kinds';
import { applicantNotice, planApplicantNotice } from './applicant-notice';
import { NoticeLinks } from './notice-links';

/** The receipt: the applicant learns the code, the appointment date and where to follow it. */
@Injectable()
@HandlesEvent(DossierReceived)
export class DossierReceivedNotifier implements EventHandler<DossierReceivedEvent> {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly links: NoticeLinks,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
  ) {}

  async handle(event: DossierReceivedEvent, tx: EntityManager): Promise<void> {
    const contact = contactFromIntake(openDossierReceived(event, this.eventData), event.payload.appointmentDate);
    await recordContact(tx, contact, this.clock.now());
    await this.planner.plan(tx, applicantNotice(event, 'dossier-received', contact, this.links, []));
  }
}

/** A refusal at the desk, with its reasons: a legal notice. */
@Injectable()
@HandlesEvent(DossierRefusedAtIntake)
export class DossierRefusedNotifier implements EventHandler<DossierRefusedEvent> {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly links: NoticeLinks,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
  ) {}

  async handle(event: DossierRefusedEvent, tx: EntityManager): Promise<void> {
    const contact = contactFromIntake(openDossierRefused(event, this.eventData), null);
    await recordContact(tx, contact, this.clock.now());
    await this.planner.plan(tx, applicantNotice(event, 'refused-at-intake', contact, this.links, [], () => ({ reasons: event.payload.reasons })));
  }
}

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

/**
 * Status changes that concern the applicant: a supplement or fees asked for, the result ready (or
 * the refusal, once its signed decision exists), processing stopped, the result handed over.
 */
@Injectable()
@HandlesEvent(DossierStatusChanged)
export class StatusChangedNotifier implements EventHandler<EnvelopeOf<typeof DossierStatusChanged>> {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly links: NoticeLinks,
  ) {}

  async handle(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    const change = event.payload;
    if (change.action === 'approve' || change.action === 'reject') {
      return recordDecision(tx, change.dossierId, change.action === 'approve' ? 'approved' : 'rejected', change.reason);
    }
    const kind = KIND_OF_STATUS[change.to];
    if (!kind) return;
    const contact = await contactOf(tx, change.dossierId);
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
      extra: (locale) => ({ reasons, resultChannel: channel?.[locale] ?? '', ...(kind === 'result-returned' ? { ratingUrl: this.links.rating(change.code) } : {}) }),
    });
  }
}

/** The officer a dossier is assigned to hears of it. */
@Injectable()
@HandlesEvent(DossierRouted)
export class DossierAssignedNotifier implements EventHandler<EnvelopeOf<typeof DossierRouted>> {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly links: NoticeLinks,
    private readonly units: AdministrativeUnits,
  ) {}

  async handle(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    const routed = event.payload;
    if (!routed.assigneeId) return;
    const contact = await contactOf(tx, routed.dossierId);
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
