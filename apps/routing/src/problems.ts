import { Role } from '@onestop/contracts';
import { invalidRequest, ProblemException, unprocessableRequest } from '@onestop/platform';

/**
 * Every problem the routing API answers with, in one place: the titles, types and details clients
 * read. Request-shape problems go through the platform's validation helpers so their type stays
 * the platform's.
 */
export const RoutingProblems = {
  /** Also what a dossier outside the caller's reach answers, so nothing about it leaks. */
  dossierNotFound: (id: string) =>
    new ProblemException(404, 'No such dossier', { detail: `no dossier ${id} that you may see` }),

  invalidDossierId: () => invalidRequest([{ field: 'id', code: 'isUuid', message: 'must be a dossier id (UUID)' }]),

  actionForProcessingUnit: () =>
    new ProblemException(403, 'Not allowed', { detail: 'this action belongs to the unit processing the dossier' }),

  actionRequiresRole: (action: string, roles: readonly Role[]) =>
    new ProblemException(403, 'Not allowed', { detail: `${action} requires one of the roles: ${roles.join(', ')}` }),

  staleVersion: (currentVersion: number) =>
    new ProblemException(409, 'Stale version', {
      type: 'conflict/stale-version',
      detail: `the dossier is at version ${currentVersion}; reload it and try again`,
      extensions: { currentVersion },
    }),

  actionNotAllowedNow: (action: string, state: string, allowedActions: readonly string[]) =>
    new ProblemException(409, 'Action not allowed now', {
      type: 'conflict/action-not-allowed',
      detail: `${action} is not allowed in state ${state}`,
      extensions: { state, allowedActions },
    }),

  reasonRequired: (action: string) =>
    invalidRequest([{ field: 'reason', code: 'isNotEmpty', message: `is required to ${action}` }]),

  transferTargetUnknown: (targetUnitCode: string) =>
    unprocessableRequest([
      {
        field: 'targetUnitCode',
        code: 'unknownReference',
        message: `${targetUnitCode} is not a commune or department in force`,
      },
    ]),

  transferTargetInOtherProvince: () =>
    unprocessableRequest([
      { field: 'targetUnitCode', code: 'otherProvince', message: 'a dossier can only move to a unit of its province' },
    ]),

  transferTargetIsCurrentUnit: () =>
    unprocessableRequest([
      { field: 'targetUnitCode', code: 'sameUnit', message: 'the dossier is already with this unit' },
    ]),

  receivedViewForDeskOfficers: () =>
    new ProblemException(403, 'Not allowed', {
      detail: 'view=received lists the dossiers received at a desk: it is for desk officers of a unit',
      errors: [{ field: 'view', code: 'notYours', message: 'received is for desk officers of a unit' }],
    }),

  invalidQueueCursor: () =>
    invalidRequest([{ field: 'cursor', code: 'invalidCursor', message: 'must be the nextCursor of a previous page' }]),

  /** Also what a unit the caller does not administer answers. */
  unitNotFound: (unitCode: string) =>
    new ProblemException(404, 'No such unit', {
      detail: `no commune or department ${unitCode} in force that you administer`,
    }),

  officerOfAnotherUnit: (subject: string) =>
    new ProblemException(403, 'Officer of another unit', {
      detail: `${subject} is registered with a unit you do not administer; only one who administers both units moves an officer`,
    }),
};
