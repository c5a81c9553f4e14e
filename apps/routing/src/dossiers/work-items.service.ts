import { Injectable } from '@nestjs/common';
import { isUnitOfficer, Principal, viewingScope } from '@onestop/platform';
import { RoutingProblems } from '../problems';
import { allowedActions } from '../workflow/dossier-workflow';
import { DossierHistoryStore } from './dossier-history.store';
import { DossierHistoryDto } from './dto/dossier-history.dto';
import { WorkItemDto } from './dto/work-item.dto';
import { WorkItemPageDto } from './dto/work-item-page.dto';
import { WorkItemsQueryDto } from './dto/work-items-query.dto';
import { RoutedDossierEntity } from './routed-dossier.entity';
import { QueuePageQuery, RoutedDossiersStore } from './routed-dossiers.store';
import { decodeQueueCursor, encodeQueueCursor } from './work-items-cursor';

const DEFAULT_PAGE = 50;

/** The officer's view of a dossier: the applicant's contact, the deadline, what can be done next. */
export function workItemView(dossier: RoutedDossierEntity): WorkItemDto {
  return {
    id: dossier.id,
    code: dossier.code,
    status: dossier.status,
    state: dossier.state,
    procedure: { code: dossier.procedure.code, version: dossier.procedure.version, name: dossier.procedure.name },
    unitCode: dossier.unitCode,
    receivingUnitCode: dossier.receivingUnitCode,
    assigneeId: dossier.assigneeId,
    applicant: {
      name: dossier.applicant.name,
      phone: dossier.applicant.phone,
      email: dossier.applicant.email,
      communeCode: dossier.applicant.communeCode,
    },
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
type QueueScope = Pick<QueuePageQuery, 'provinceCode' | 'unitColumn' | 'unitCode'>;

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
    throw RoutingProblems.receivedViewForDeskOfficers();
  }
  return { provinceCode: principal.provinceCode!, unitColumn: 'receiving_unit_code', unitCode: principal.unitCode };
}

@Injectable()
export class WorkItemsService {
  constructor(
    private readonly dossiers: RoutedDossiersStore,
    private readonly history: DossierHistoryStore,
  ) {}

  /** The caller's queue, most urgent first, a page at a time. */
  async list(principal: Principal, query: WorkItemsQueryDto): Promise<WorkItemPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const code = codeSearch(query.code);
    const rows = await this.dossiers.queuePage({
      ...queueScope(principal, query.view),
      status: query.status ?? null,
      dueBefore: query.dueBefore ?? null,
      assigneeId: query.assignee === 'me' ? principal.subject : null,
      codeExact: code.exact,
      codePrefix: code.prefix,
      after: decodeQueueCursor(query.cursor),
      limit,
    });
    const items = rows.slice(0, limit).map(workItemView);
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeQueueCursor({ dueAt: last.dueAt, id: last.id }) : null,
    };
  }

  /** The dossier's audit trail, oldest step first. */
  async historyOf(dossierId: string): Promise<DossierHistoryDto> {
    const steps = await this.history.of(dossierId);
    return {
      items: steps.map((step) => ({
        at: step.occurredAt.toISOString(),
        actorId: step.actorId,
        actorRoles: step.actorRoles,
        actorUnitCode: step.actorUnitCode,
        action: step.action,
        fromStatus: step.fromStatus,
        toStatus: step.toStatus,
        fromState: step.fromState,
        toState: step.toState,
        reason: step.reason,
        details: step.details,
      })),
    };
  }
}
