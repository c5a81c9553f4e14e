import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, DossierDueSoon, DossierOverdue, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { formatDate, formatInstant } from '../deliveries/notice';
import { NoticePlanner } from '../deliveries/notice-planner';
import { contactOf, moveAppointment } from '../recipients/dossier-contacts';
import { planApplicantNotice } from './applicant-notice';
import { NoticeLinks } from './notice-links';

type DeadlineEvent = EnvelopeOf<typeof DossierDueSoon> | EnvelopeOf<typeof DossierOverdue>;

/** The officer handling a dossier hears that its deadline is near, or passed. */
async function planDeadlineNotice(planner: NoticePlanner, links: NoticeLinks, event: DeadlineEvent, tx: EntityManager): Promise<void> {
  const deadline = event.payload;
  // Nobody assigned: the unit's leaders see it in task monitoring's escalations.
  if (!deadline.assigneeId) return;
  await planner.plan(tx, {
    event,
    kind: event.type === 'DossierDueSoon' ? 'dossier-due-soon' : 'dossier-overdue',
    dossier: { id: deadline.dossierId, code: deadline.code, provinceCode: deadline.provinceCode, unitCodes: [deadline.unitCode] },
    recipients: [links.officer(deadline.assigneeId)],
    values: (locale) => ({ code: deadline.code, dueAt: formatInstant(deadline.dueAt, locale), workItemUrl: links.workItem(deadline.dossierId) }),
  });
}

@Injectable()
@HandlesEvent(DossierDueSoon)
export class DueSoonNotifier implements EventHandler<EnvelopeOf<typeof DossierDueSoon>> {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly links: NoticeLinks,
  ) {}

  handle(event: EnvelopeOf<typeof DossierDueSoon>, tx: EntityManager): Promise<void> {
    return planDeadlineNotice(this.planner, this.links, event, tx);
  }
}

@Injectable()
@HandlesEvent(DossierOverdue)
export class OverdueNotifier implements EventHandler<EnvelopeOf<typeof DossierOverdue>> {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly links: NoticeLinks,
  ) {}

  handle(event: EnvelopeOf<typeof DossierOverdue>, tx: EntityManager): Promise<void> {
    return planDeadlineNotice(this.planner, this.links, event, tx);
  }
}

/** The apology for a late result, with the new appointment date: a legal notice. */
@Injectable()
@HandlesEvent(DossierApologyIssued)
export class ApologyNotifier implements EventHandler<EnvelopeOf<typeof DossierApologyIssued>> {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly links: NoticeLinks,
  ) {}

  async handle(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const apology = event.payload;
    await moveAppointment(tx, apology.dossierId, apology.newAppointmentDate);
    await planApplicantNotice(tx, this.planner, this.links, {
      event,
      kind: 'late-apology',
      code: apology.code,
      contact: await contactOf(tx, apology.dossierId),
      unitCodes: [apology.unitCode],
      extra: (locale) => ({ reason: apology.reason, newAppointmentDate: formatDate(apology.newAppointmentDate, locale) }),
    });
  }
}
