import { FieldProblem } from '@onestop/contracts';
import { invalidRequest, ProblemException, UNIT_CODE_MESSAGE, UNIT_CODE_PATTERN } from '@onestop/platform';

const notAllowed = (detail: string) => new ProblemException(403, 'Not allowed', { detail });
const newAppointmentDate = (problem: Omit<FieldProblem, 'field'>) =>
  invalidRequest([{ field: 'newAppointmentDate', ...problem }]);

/**
 * Every problem task monitoring answers with beyond the platform's own (validation of the body and
 * query, authentication, rate limits): one place for their statuses, titles and details.
 */
export const TaskMonitoringProblems = {
  /** A dossier outside the caller's jurisdiction answers exactly as one that does not exist; the problem names the path's `id`. */
  noSuchDossier: (id: string) =>
    new ProblemException(404, 'No such dossier', {
      detail: `no dossier ${id} that you may see`,
      errors: [{ field: 'id', code: 'unknownReference', message: 'no dossier that you may see' }],
    }),
  dossierClosed: () =>
    new ProblemException(409, 'Dossier closed', {
      detail: 'the dossier has its result or has ended; no new appointment can be set',
    }),
  /** The new appointment must come after the current one (or today), `after`, which `current` names. */
  appointmentNotAfter: (after: string, current: 'current appointment' | 'current date') =>
    newAppointmentDate({ code: 'minDate', message: `must be after ${after}, the ${current}`, params: { after } }),
  appointmentTooLate: (latest: string) =>
    newAppointmentDate({
      code: 'maxDate',
      message: `must be no later than ${latest}, a year after the current appointment`,
      params: { max: latest },
    }),
  appointmentNotWorkingDay: () => newAppointmentDate({ code: 'workingDay', message: 'must be a working day' }),
  provinceQueueForbidden: () => notAllowed('the province queue is for province roles'),

  noSuchTask: (id: string) => new ProblemException(404, 'No such task', { detail: `no task ${id} that you may see` }),
  tasksNotVisible: () =>
    notAllowed("tasks are seen by the officers of the province's leadership, departments and communes"),
  tasksNotAssignable: () =>
    notAllowed("tasks are assigned by the province's leaders and the leaders of its departments"),
  progressOfOtherCommune: (communeCode: string) =>
    notAllowed(`progress of ${communeCode} is reported by that commune's officers`),
  /** The path's commune code is not a unit code. */
  malformedCommuneCode: () =>
    invalidRequest([
      {
        field: 'communeCode',
        code: 'matches',
        message: UNIT_CODE_MESSAGE,
        params: { pattern: UNIT_CODE_PATTERN.source },
      },
    ]),
  /** What is wrong with a task's dates and communes, each field named. */
  invalidAssignment: (problems: FieldProblem[]) => invalidRequest(problems),
  invalidPeriod: () =>
    invalidRequest([
      { field: 'period', code: 'invalidPeriod', message: 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY' },
    ]),
};
