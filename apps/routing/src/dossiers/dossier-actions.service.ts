import { Injectable } from '@nestjs/common';
import { CalendarStore, localDateOf, WorkingCalendar } from '@onestop/calendar';
import { DossierRouted, EventEnvelope } from '@onestop/contracts';
import { createEvent, EventDataKeys, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { actorOf, Clock, Principal } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { RoutingProblems } from '../problems';
import { check, RULES, STATUS_OF } from '../workflow/dossier-workflow';
import { AssignmentService } from './assignment.service';
import { DossierAccess } from './dossier-access.service';
import { DossierHistoryStore } from './dossier-history.store';
import { DossierActionDto } from './dto/dossier-action.dto';
import { signatureRequest, statusChanged } from './outgoing-events';
import { RoutedDossierEntity } from './routed-dossier.entity';
import { DossierChange, RoutedDossiersStore } from './routed-dossiers.store';

/** Applies an officer's action: the rules, the jurisdiction, the optimistic lock, the clock. */
@Injectable()
export class DossierActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: DossierAccess,
    private readonly dossiers: RoutedDossiersStore,
    private readonly history: DossierHistoryStore,
    private readonly assignment: AssignmentService,
    private readonly units: AdministrativeUnits,
    private readonly calendars: CalendarStore,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
  ) {}

  async act(dossierId: string, command: DossierActionDto, principal: Principal): Promise<RoutedDossierEntity> {
    const rule = RULES[command.action];
    // Read before the transaction, which then picks the dossier's province without a second connection.
    const calendars = await this.calendars.calendars();
    return this.dataSource.transaction(async (tx) => {
      const dossier = await this.access.forAction(tx, dossierId, principal, rule.scope);
      // Checked first: a client acting on an old copy is told to reload, not about a state it never saw.
      if (dossier.version !== command.version) throw RoutingProblems.staleVersion(dossier.version);
      const refusal = check(command.action, dossier.state, principal.roles, command.reason ?? null);
      if (refusal?.kind === 'not-allowed-now')
        throw RoutingProblems.actionNotAllowedNow(command.action, dossier.state, refusal.allowed);
      if (refusal?.kind === 'role') throw RoutingProblems.actionRequiresRole(command.action, refusal.roles);
      if (refusal?.kind === 'reason-required') throw RoutingProblems.reasonRequired(command.action);
      const now = this.clock.now();
      const change = await this.changeFor(tx, dossier, command, calendars.of(dossier.provinceCode), now);
      const updated = await this.dossiers.change(tx, dossier.id, dossier.version, change, now);
      await this.record(tx, dossier, updated, command, principal, now);
      return updated;
    });
  }

  private async changeFor(
    tx: EntityManager,
    dossier: RoutedDossierEntity,
    command: DossierActionDto,
    calendar: WorkingCalendar,
    now: Date,
  ): Promise<DossierChange> {
    const rule = RULES[command.action];
    let dueAt = dossier.dueAt;
    let pausedAt = dossier.pausedAt;
    let remainingWorkingHours = dossier.remainingWorkingHours === null ? null : Number(dossier.remainingWorkingHours);
    if (rule.clock === 'pause' && dossier.procedure.clockPausesForCitizen && dossier.dueAt) {
      remainingWorkingHours = calendar.workingHoursBetween(now, dossier.dueAt);
      pausedAt = now;
      dueAt = null;
    }
    if (rule.clock === 'resume' && pausedAt && remainingWorkingHours !== null) {
      dueAt = calendar.addWorkingHours(calendar.countingStart(now), remainingWorkingHours);
      pausedAt = null;
      remainingWorkingHours = null;
    }
    const change: DossierChange = {
      state: rule.to,
      status: STATUS_OF[rule.to],
      unitCode: dossier.unitCode,
      assigneeId: dossier.assigneeId,
      dueAt: ['stopped', 'withdrawn', 'returned'].includes(rule.to) ? null : dueAt,
      pausedAt,
      remainingWorkingHours: remainingWorkingHours === null ? null : String(remainingWorkingHours),
      outcome: dossier.outcome,
      resultChannel: dossier.resultChannel,
      // A decision asks for its signature under a request id of its own.
      signatureRequestId: rule.to === 'awaiting-signature' ? randomUUID() : null,
    };
    if (command.action === 'approve') change.outcome = 'approved';
    if (command.action === 'reject') change.outcome = 'rejected';
    if (command.action === 'return-result') change.resultChannel = command.resultChannel!;
    if (command.action === 'transfer') {
      change.unitCode = await this.transferTarget(dossier, command.targetUnitCode!, now);
      change.assigneeId = await this.assignment.assignee(tx, change.unitCode);
    }
    return change;
  }

  private async transferTarget(dossier: RoutedDossierEntity, targetUnitCode: string, now: Date): Promise<string> {
    const target = await this.units.current(targetUnitCode, localDateOf(now));
    if (!target || !['commune', 'department'].includes(target.kind))
      throw RoutingProblems.transferTargetUnknown(targetUnitCode);
    if (target.provinceCode !== dossier.provinceCode) throw RoutingProblems.transferTargetInOtherProvince();
    if (target.code === dossier.unitCode) throw RoutingProblems.transferTargetIsCurrentUnit();
    return target.code;
  }

  private async record(
    tx: EntityManager,
    before: RoutedDossierEntity,
    after: RoutedDossierEntity,
    command: DossierActionDto,
    principal: Principal,
    now: Date,
  ) {
    const signatureRequestId = after.signatureRequestId;
    await this.history.append(tx, {
      dossierId: after.id,
      at: now,
      actor: actorOf(principal),
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
        createEvent(
          DossierRouted,
          after.id,
          {
            dossierId: after.id,
            code: after.code,
            unitCode: after.unitCode,
            assigneeId: after.assigneeId,
            dueAt: after.dueAt?.toISOString() ?? null,
          },
          origin,
          now,
        ),
      );
    }
    if (signatureRequestId)
      events.push(
        signatureRequest(signatureRequestId, after, command.reason ?? null, principal, origin, now, this.eventData),
      );
    await this.outbox.append(tx, events);
  }
}
