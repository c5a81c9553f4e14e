import { Injectable } from '@nestjs/common';
import { CalendarStore, localDateOf, WorkingCalendar } from '@onestop/calendar';
import { DossierRouted, DossierStatusChanged, EventEnvelope, SignatureRequested } from '@onestop/contracts';
import { EventDataKeys, EventOrigin, OutboxWriter, createEvent, requestOrigin } from '@onestop/messaging';
import { actorOf, Clock, invalidRequest, Principal, ProblemException, unprocessableRequest } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { check, RULES, State, STATUS_OF } from '../workflow/dossier-workflow';
import { AssignmentService } from './assignment.service';
import { DossierAccess } from './dossier-access';
import { appendHistory } from './history';
import { DossierActionDto } from './dto/dossier-action.dto';
import { ROUTED_COLUMNS, RoutedDossier } from './routed-dossier.record';

interface Change {
  state: State;
  unitCode: string;
  assigneeId: string | null;
  dueAt: Date | null;
  pausedAt: Date | null;
  remainingWorkingHours: number | null;
  outcome: RoutedDossier['outcome'];
  resultChannel: string | null;
  signatureRequestId: string | null;
}

/** Applies an officer's action: the rules, the jurisdiction, the optimistic lock, the clock. */
@Injectable()
export class DossierActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DossierAccess,
    private readonly assignment: AssignmentService,
    private readonly units: AdministrativeUnits,
    private readonly calendars: CalendarStore,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
  ) {}

  async act(dossierId: string, command: DossierActionDto, principal: Principal): Promise<RoutedDossier> {
    const rule = RULES[command.action];
    // Read before the transaction, which then picks the dossier's province without a second connection.
    const calendars = await this.calendars.calendars();
    return this.dataSource.transaction(async (tx) => {
      const dossier = await this.access.forAction(tx, dossierId, principal, rule.scope);
      // Checked first: a client acting on an old copy is told to reload, not about a state it never saw.
      if (dossier.version !== command.version) {
        throw new ProblemException(409, 'Stale version', {
          type: 'conflict/stale-version',
          detail: `the dossier is at version ${dossier.version}; reload it and try again`,
          extensions: { currentVersion: dossier.version },
        });
      }
      const refusal = check(command.action, dossier.state, principal.roles, command.reason ?? null);
      if (refusal?.kind === 'not-allowed-now') {
        throw new ProblemException(409, 'Action not allowed now', {
          type: 'conflict/action-not-allowed',
          detail: `${command.action} is not allowed in state ${dossier.state}`,
          extensions: { state: dossier.state, allowedActions: refusal.allowed },
        });
      }
      if (refusal?.kind === 'role') {
        throw new ProblemException(403, 'Not allowed', { detail: `${command.action} requires one of the roles: ${refusal.roles.join(', ')}` });
      }
      if (refusal?.kind === 'reason-required') throw invalidRequest([{ field: 'reason', code: 'isNotEmpty', message: `is required to ${command.action}` }]);
      const now = this.clock.now();
      const change = await this.changeFor(tx, dossier, command, calendars.of(dossier.provinceCode), now);
      const updated = await this.save(tx, dossier, change, now);
      await this.record(tx, dossier, updated, command, principal, now);
      return updated;
    });
  }

  private async changeFor(tx: EntityManager, dossier: RoutedDossier, command: DossierActionDto, calendar: WorkingCalendar, now: Date): Promise<Change> {
    const rule = RULES[command.action];
    const change: Change = {
      state: rule.to,
      unitCode: dossier.unitCode,
      assigneeId: dossier.assigneeId,
      dueAt: dossier.dueAt,
      pausedAt: dossier.pausedAt,
      remainingWorkingHours: dossier.remainingWorkingHours === null ? null : Number(dossier.remainingWorkingHours),
      outcome: dossier.outcome,
      resultChannel: dossier.resultChannel,
      // A decision asks for its signature under a request id of its own.
      signatureRequestId: rule.to === 'awaiting-signature' ? randomUUID() : null,
    };
    const pauses = dossier.procedure.clockPausesForCitizen;
    if (rule.clock === 'pause' && pauses && dossier.dueAt) {
      change.remainingWorkingHours = calendar.workingHoursBetween(now, dossier.dueAt);
      change.pausedAt = now;
      change.dueAt = null;
    }
    if (rule.clock === 'resume' && change.pausedAt && change.remainingWorkingHours !== null) {
      change.dueAt = calendar.addWorkingHours(calendar.countingStart(now), change.remainingWorkingHours);
      change.pausedAt = null;
      change.remainingWorkingHours = null;
    }
    if (command.action === 'approve') change.outcome = 'approved';
    if (command.action === 'reject') change.outcome = 'rejected';
    if (command.action === 'return-result') change.resultChannel = command.resultChannel!;
    if (command.action === 'transfer') {
      change.unitCode = await this.transferTarget(dossier, command.targetUnitCode!, now);
      change.assigneeId = await this.assignment.leastLoadedOfficer(tx, change.unitCode);
    }
    if (['stopped', 'withdrawn', 'returned'].includes(change.state)) change.dueAt = null;
    return change;
  }

  private async transferTarget(dossier: RoutedDossier, targetUnitCode: string, now: Date): Promise<string> {
    const target = await this.units.current(targetUnitCode, localDateOf(now));
    const invalid = (code: string, message: string) => unprocessableRequest([{ field: 'targetUnitCode', code, message }]);
    if (!target || !['commune', 'department'].includes(target.kind)) throw invalid('unknownReference', `${targetUnitCode} is not a commune or department in force`);
    if (target.provinceCode !== dossier.provinceCode) throw invalid('otherProvince', 'a dossier can only move to a unit of its province');
    if (target.code === dossier.unitCode) throw invalid('sameUnit', 'the dossier is already with this unit');
    return target.code;
  }

  private async save(tx: EntityManager, dossier: RoutedDossier, change: Change, now: Date): Promise<RoutedDossier> {
    // An UPDATE answers [rows, count].
    const [rows]: [RoutedDossier[], number] = await tx.query(
      `UPDATE routed_dossiers SET state = $3, status = $4, unit_code = $5, assignee_id = $6, due_at = $7, paused_at = $8,
         remaining_working_hours = $9, outcome = $10, result_channel = $11, signature_request_id = $13, version = version + 1, updated_at = $12
       WHERE id = $1 AND version = $2 RETURNING ${ROUTED_COLUMNS}`,
      [
        dossier.id,
        dossier.version,
        change.state,
        STATUS_OF[change.state],
        change.unitCode,
        change.assigneeId,
        change.dueAt,
        change.pausedAt,
        change.remainingWorkingHours,
        change.outcome,
        change.resultChannel,
        now,
        change.signatureRequestId,
      ],
    );
    return rows[0];
  }

  private async record(tx: EntityManager, before: RoutedDossier, after: RoutedDossier, command: DossierActionDto, principal: Principal, now: Date) {
    const actor = actorOf(principal);
    const signatureRequestId = after.signatureRequestId;
    await appendHistory(tx, {
      dossierId: after.id,
      at: now,
      actor,
      action: command.action,
      from: { state: before.state, status: before.status },
      to: { state: after.state, status: after.status },
      reason: command.reason ?? null,
      details:
        command.action === 'transfer'
          ? { fromUnitCode: before.unitCode, toUnitCode: after.unitCode, assigneeId: after.assigneeId }
          : signatureRequestId
            ? { signatureRequestId }
            : {},
    });
    const origin = requestOrigin('routing', principal);
    const events: EventEnvelope[] = [statusChanged(before, after, command.action, command.reason ?? null, origin, now)];
    if (command.action === 'transfer') {
      events.push(
        createEvent(DossierRouted, after.id, { dossierId: after.id, code: after.code, unitCode: after.unitCode, assigneeId: after.assigneeId, dueAt: after.dueAt?.toISOString() ?? null }, origin, now),
      );
    }
    if (signatureRequestId) events.push(signatureRequest(signatureRequestId, after, command.reason ?? null, principal, origin, now, this.eventData));
    await this.outbox.append(tx, events);
  }
}

/** The decider's signature on the result: the signature service signs, or waits for the device. */
function signatureRequest(
  requestId: string,
  dossier: RoutedDossier,
  reason: string | null,
  principal: Principal,
  origin: EventOrigin,
  at: Date,
  keys: EventDataKeys,
): EventEnvelope {
  return createEvent(
    SignatureRequested,
    dossier.id,
    {
      requestId,
      dossierId: dossier.id,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      unitCode: dossier.unitCode,
      procedure: { code: dossier.procedure.code, name: dossier.procedure.name },
      outcome: dossier.outcome!,
      reason,
      applicant: keys.seal({ name: dossier.applicant.name }, SignatureRequested.type, dossier.id),
      signerId: principal.subject,
      receivingUnitCode: dossier.receivingUnitCode,
      applicantAccountSubject: dossier.applicant.accountSubject,
    },
    origin,
    at,
  );
}

export function statusChanged(before: RoutedDossier, after: RoutedDossier, action: string, reason: string | null, origin: EventOrigin, at: Date): EventEnvelope {
  return createEvent(
    DossierStatusChanged,
    after.id,
    {
      dossierId: after.id,
      code: after.code,
      provinceCode: after.provinceCode,
      procedureCode: after.procedure.code,
      receivingUnitCode: after.receivingUnitCode,
      unitCode: after.unitCode,
      from: before.status,
      to: after.status,
      action,
      reason,
      dueAt: after.dueAt?.toISOString() ?? null,
      resultChannel: (after.resultChannel as 'counter' | 'post' | 'electronic' | null) ?? null,
    },
    origin,
    at,
  );
}
