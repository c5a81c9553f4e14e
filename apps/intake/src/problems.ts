import { ProblemException } from '@onestop/platform';
import { ServiceRatingDto } from './ratings/dto/service-rating.dto';

/**
 * The problems intake answers with, beyond the platform's own (validation, sign-in, rate limits):
 * titles, types and details in one place, so that clients branching on them have one list to read.
 */
export const IntakeProblems = {
  /** Unknown, or out of the caller's reach (the public look-up's wrong digits too): alike, so neither reveals which. */
  dossierNotFound: (code: string) =>
    new ProblemException(404, 'No such dossier', { detail: `no dossier ${code} that you may see` }),

  /** The rating form: an unknown code and wrong phone digits answer alike (a wrong try). */
  dossierNotFoundForPhone: (code: string) =>
    new ProblemException(404, 'No such dossier', { detail: `no dossier ${code} with these phone digits` }),

  alreadyDecided: (code: string, status: number) =>
    new ProblemException(409, 'Already decided', {
      detail: `dossier ${code} has status ${status}; only online filings (1) await the desk`,
    }),

  alreadyReceived: (code: string, status: number, dossierId: string) =>
    new ProblemException(409, 'Already received', {
      detail: `dossier ${code} has status ${status}; after reception it is withdrawn with the processing action "withdraw" on dossier ${dossierId}`,
    }),

  listsForOfficersOnly: () =>
    new ProblemException(403, 'Not allowed', {
      detail: 'lists of dossiers are for officers of a unit and province roles',
    }),

  /** A desk officer files, and is quoted, only at the unit named in the token. */
  notOwnDesk: (unitCode: string | null | undefined) =>
    new ProblemException(403, 'Not your desk', {
      detail: 'a desk officer files dossiers at the unit named in the token',
      errors: [
        {
          field: 'receivingUnitCode',
          code: 'notOwnUnit',
          message: `must be your own unit, ${unitCode}`,
          params: { unitCode },
        },
      ],
    }),

  /** The procedure named in the path; `errors` names the path parameter as a quote's clients expect. */
  procedureNotInForce: (procedureCode: string) =>
    new ProblemException(404, 'No such procedure', {
      detail: `no procedure ${procedureCode} is in force`,
      errors: [{ field: 'code', code: 'unknownReference', message: `no procedure ${procedureCode} is in force` }],
    }),

  procedureNotFound: (code: string, version: string | undefined) =>
    new ProblemException(404, 'No such procedure', {
      detail: `no procedure ${code}${version ? ` version ${version}` : ''}`,
    }),

  provinceNotFound: (province: string) =>
    new ProblemException(404, 'No such province', {
      detail: `no province ${province}`,
      errors: [{ field: 'province', code: 'unknownReference', message: `${province} is not a province` }],
    }),

  /** The calendar's corrections: a province administrator's own province only. */
  calendarWithoutProvince: () =>
    new ProblemException(403, 'Not allowed', {
      detail: "a province's administrator corrects the calendar of the province in the token; this token names none",
    }),

  calendarOfOtherProvince: (ownProvinceCode: string) =>
    new ProblemException(403, 'Not allowed', {
      detail: `you correct the calendar of your own province, ${ownProvinceCode}`,
    }),

  tokenProvinceUnknown: (provinceCode: string) =>
    new ProblemException(403, 'Not allowed', {
      detail: `the token names province ${provinceCode}, which is not a province`,
    }),

  notHandedOver: (code: string, status: number, handedOverStatus: number) =>
    new ProblemException(409, 'Not handed over yet', {
      type: 'conflict/not-handed-over',
      detail: `dossier ${code} has status ${status}; its service can be rated once the result is handed over (${handedOverStatus})`,
      extensions: { dossierStatus: status },
    }),

  /** `rating` is the first rating, the one kept. */
  alreadyRated: (code: string, rating: ServiceRatingDto) =>
    new ProblemException(409, 'Already rated', {
      type: 'conflict/already-rated',
      detail: `dossier ${code} was rated already; a dossier is rated once and the first rating is kept`,
      extensions: { rating },
    }),

  ticketNotFound: (number: string | number, unitCode: string, date: string) =>
    new ProblemException(404, 'Ticket not found', { detail: `no ticket ${number} at unit ${unitCode} on ${date}` }),

  callsAtOtherUnit: (officerUnitCode: string | null) =>
    new ProblemException(403, 'Not allowed', {
      detail: `a desk officer calls tickets only at their own unit (${officerUnitCode ?? 'none'})`,
    }),

  queueEmpty: (unitCode: string) =>
    new ProblemException(404, 'Nobody is waiting', {
      type: 'not-found/queue-empty',
      detail: `the queue of unit ${unitCode} is empty`,
    }),

  /** 429 until the local day ends (`retryAfterSeconds`), when the day's allowances start again. */
  noOnlineTicketLeft: (scope: 'address' | 'unit', detail: string, retryAfterSeconds: number) =>
    new ProblemException(429, 'No online number left today', {
      type: 'too-many-requests',
      detail,
      extensions: { scope, retryAfterSeconds },
    }),

  receivingUnitNotFound: (unitCode: string, date: string) =>
    new ProblemException(404, 'Receiving unit not found', {
      detail: `no receiving unit ${unitCode} is open on ${date}`,
    }),

  kioskSignInRequired: () =>
    new ProblemException(401, 'Kiosk sign-in required', {
      detail:
        "kiosk numbers are taken by the centre's kiosk, signed in as a desk officer of the unit; from home, take an online number",
    }),

  notKioskOfUnit: (unitCode: string) =>
    new ProblemException(403, 'Not allowed', {
      detail: `only a desk officer of unit ${unitCode} takes kiosk numbers there`,
    }),
};
