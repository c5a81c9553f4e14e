import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, DossierDueSoon, DossierOverdue, EnvelopeOf } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { NoticePlanner } from '../deliveries/notice-planner';
import { DossierContactsStore } from '../recipients/dossier-contacts.store';
import { planApplicantNotice } from './applicant-notice';
import { formatDate, formatInstant } from './notice-dates';
import { NoticeLinks } from './notice-links';

type DeadlineEvent = EnvelopeOf<typeof DossierDueSoon> | EnvelopeOf<typeof DossierOverdue>;

/** What deadlines tell people: the officer of a dossier near or past its due time, the applicant of a late result. */
@Injectable()
export class DeadlineNoticesService {
  constructor(
    private readonly planner: NoticePlanner,
    private readonly contacts: DossierContactsStore,
    private readonly links: NoticeLinks,
  ) {}

  /** The officer handling a dossier hears that its deadline is near, or passed. */
  async deadline(event: DeadlineEvent, tx: EntityManager): Promise<void> {
    const deadline = event.payload;
    // Nobody assigned: the unit's leaders see it in task monitoring's escalations.
    if (!deadline.assigneeId) return;
    await this.planner.plan(tx, {
      event,
      kind: event.type === 'DossierDueSoon' ? 'dossier-due-soon' : 'dossier-overdue',
      dossier: {
        id: deadline.dossierId,
        code: deadline.code,
        provinceCode: deadline.provinceCode,
        unitCodes: [deadline.unitCode],
      },
      recipients: [this.links.officer(deadline.assigneeId)],
      values: (locale) => ({
        code: deadline.code,
        dueAt: formatInstant(deadline.dueAt, locale),
        workItemUrl: this.links.workItem(deadline.dossierId),
      }),
    });
  }

  /** The apology for a late result, with the new appointment date: a legal notice. */
  async apology(event: EnvelopeOf<typeof DossierApologyIssued>, tx: EntityManager): Promise<void> {
    const apology = event.payload;
    await this.contacts.moveAppointment(tx, apology.dossierId, apology.newAppointmentDate);
    await planApplicantNotice(tx, this.planner, this.links, {
      event,
      kind: 'late-apology',
      code: apology.code,
      contact: await this.contacts.find(tx, apology.dossierId),
      unitCodes: [apology.unitCode],
      extra: (locale) => ({
        reason: apology.reason,
        newAppointmentDate: formatDate(apology.newAppointmentDate, locale),
      }),
    });
  }
}
