import { Injectable } from '@nestjs/common';
import { isUnitOfficer, Principal, ProblemException, viewingScope } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { allowedActions } from '../workflow/dossier-workflow';
import { WorkItemsQueryDto } from './dto/dossier-action.dto';
import { ROUTED_COLUMNS, RoutedDossier } from './routed-dossier.record';
import { decodeQueueCursor, encodeQueueCursor } from './work-items-cursor';

const DEFAULT_PAGE = 50;

/** The officer's view of a dossier: the applicant's contact, the deadline, what can be done next. */
export function workItemView(dossier: RoutedDossier) {
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    state: dossier.state,
    procedure: { code: dossier.procedure.code, version: dossier.procedure.version, name: dossier.procedure.name },
    unitCode: dossier.unitCode,
    receivingUnitCode: dossier.receivingUnitCode,
    assigneeId: dossier.assigneeId,
    applicant: { name: dossier.applicant.name, phone: dossier.applicant.phone, email: dossier.applicant.email, communeCode: dossier.applicant.communeCode },
    receivedAt: dossier.receivedAt.toISOString(),
    dueAt: dossier.dueAt?.toISOString() ?? null,
    clockPaused: dossier.pausedAt !== null,
    outcome: dossier.outcome,
    resultChannel: dossier.resultChannel,
    allowedActions: allowedActions(dossier.state),
    version: dossier.version,
  };
}

/** Where a list looks: the province, and within it one unit's processing queue or its desk's receipts (or, null, every unit). */
interface QueueScope {
  provinceCode: string;
  unitColumn: 'unit_code' | 'receiving_unit_code';
  unitCode: string | null;
}

/** A whole code (`<unit>-YYMMDD-NNNN`) names one dossier; anything shorter is the start of codes. */
const WHOLE_CODE = /^[0-9A-Z.]{2,20}-\d{6}-\d{4,}$/;

/** The typed code as conditions on upper(code): the DTO admits no LIKE wildcard, so a prefix is a prefix. */
function codeSearch(typed: string | undefined): { exact: string | null; prefix: string | null } {
  if (typed === undefined) return { exact: null, prefix: null };
  const code = typed.toUpperCase();
  return WHOLE_CODE.test(code) ? { exact: code, prefix: null } : { exact: null, prefix: `${code}%` };
}

/**
 * The processing queue of the caller's unit (the province's, for province roles); with
 * view=received, the desk's own receipts wherever they are processed: the same reach a receiving
 * desk has over a single dossier (DossierAccess), so only desk officers of a unit ask for it.
 */
function queueScope(principal: Principal, view: WorkItemsQueryDto['view']): QueueScope {
  if (view === undefined) return { ...viewingScope(principal, undefined, 'work items'), unitColumn: 'unit_code' };
  if (!isUnitOfficer(principal) || !principal.roles.includes('desk-officer')) {
    throw new ProblemException(403, 'Not allowed', {
      detail: 'view=received lists the dossiers received at a desk: it is for desk officers of a unit',
      errors: [{ field: 'view', code: 'notYours', message: 'received is for desk officers of a unit' }],
    });
  }
  return { provinceCode: principal.provinceCode!, unitColumn: 'receiving_unit_code', unitCode: principal.unitCode };
}

@Injectable()
export class WorkItemsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The caller's queue, most urgent first, a page at a time: due date (none last), then id, so
   * that a page boundary never skips or repeats a dossier.
   */
  async list(principal: Principal, query: WorkItemsQueryDto) {
    const scope = queueScope(principal, query.view);
    const after = decodeQueueCursor(query.cursor);
    const limit = query.limit ?? DEFAULT_PAGE;
    const code = codeSearch(query.code);
    // 'infinity' stands for a missing due date, so one row comparison orders and pages both kinds.
    const rows: RoutedDossier[] = await this.dataSource.query(
      `SELECT ${ROUTED_COLUMNS} FROM routed_dossiers
        WHERE province_code = $1 AND ($5::text IS NULL OR ${scope.unitColumn} = $5)
          AND ($2::smallint IS NULL OR status = $2)
          AND ($3::timestamptz IS NULL OR due_at < $3)
          AND ($4::text IS NULL OR assignee_id = $4)
          AND ($9::text IS NULL OR upper(code) = $9)
          AND ($10::text IS NULL OR upper(code) LIKE $10)
          AND ($6::uuid IS NULL OR (COALESCE(due_at, 'infinity'), id) > (COALESCE($7::timestamptz, 'infinity'), $6::uuid))
        ORDER BY COALESCE(due_at, 'infinity'), id
        LIMIT $8`,
      [
        scope.provinceCode,
        query.status ?? null,
        query.dueBefore ?? null,
        query.assignee === 'me' ? principal.subject : null,
        scope.unitCode,
        after?.id ?? null,
        after?.dueAt ?? null,
        limit + 1,
        code.exact,
        code.prefix,
      ],
    );
    const items = rows.slice(0, limit).map(workItemView);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeQueueCursor({ dueAt: last.dueAt, id: last.id }) : null };
  }

  async history(dossierId: string) {
    return this.dataSource.query(
      `SELECT occurred_at AS "at", actor_id AS "actorId", actor_roles AS "actorRoles", actor_unit_code AS "actorUnitCode", action,
              from_status AS "fromStatus", to_status AS "toStatus", from_state AS "fromState", to_state AS "toState", reason, details
         FROM dossier_history WHERE dossier_id = $1 ORDER BY id`,
      [dossierId],
    );
  }
}
