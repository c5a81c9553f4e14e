import { z } from 'zod';
import { defineEvent } from '../event-registry';
import { TOPICS } from '../topics';

const unitCode = z.string().min(2).max(20);
const instant = z.iso.datetime({ offset: true });

/** Who answers for a dossier whose deadline is near or missed. */
const deadlinePayload = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  provinceCode: z.string(),
  unitCode,
  /** The officer handling it; null while nobody is assigned (the unit's leaders are told). */
  assigneeId: z.string().nullable(),
  dueAt: instant,
});

/** The deadline is near (one working day by default); published once per dossier and deadline. */
export const DossierDueSoon = defineEvent({
  type: 'DossierDueSoon',
  version: 1,
  topic: TOPICS.task,
  payload: deadlinePayload,
});

/** The deadline passed with the dossier still open; published once per dossier and deadline. */
export const DossierOverdue = defineEvent({
  type: 'DossierOverdue',
  version: 1,
  topic: TOPICS.task,
  payload: deadlinePayload,
});

/** The unit apologised to the applicant for a late result and set a new appointment date. */
export const DossierApologyIssued = defineEvent({
  type: 'DossierApologyIssued',
  version: 1,
  topic: TOPICS.task,
  payload: z.object({
    dossierId: z.uuid(),
    code: z.string(),
    provinceCode: z.string(),
    unitCode,
    reason: z.string(),
    newAppointmentDate: z.iso.date(),
    approvedBy: z.string(),
  }),
});
