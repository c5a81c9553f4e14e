import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { DOSSIER_STATUS, EventEnvelope } from '@onestop/contracts';
import { EventDataKeys, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, Principal, unprocessableRequest } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { ProceduresService } from '../procedures/procedures.service';
import { IntakeProblems } from '../problems';
import { RatingsService } from '../ratings/ratings.service';
import { receivedEvent, refusedEvent, statusChangedEvent } from './published-events';
import { isReceivingDesk, mayRead } from './dossier-access';
import { DossierStore } from './dossier.store';
import { officerView, receiptView } from './dossier-views';
import { IntakeDecisionDto, WithdrawalDto } from './dto/intake-decision.dto';
import { PublicHistoryStore } from './public-history.store';
import { receptionSchedule } from './reception-schedule';

/** Reading dossiers, the public look-up, and the desk's check of online filings. */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DossierStore,
    private readonly history: PublicHistoryStore,
    private readonly procedures: ProceduresService,
    private readonly calendars: CalendarStore,
    private readonly cipher: CitizenIdCipher,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
    private readonly ratings: RatingsService,
  ) {}

  async forOfficer(code: string, principal: Principal) {
    const dossier = await this.store.byCode(code);
    if (!dossier || !mayRead(principal, dossier)) throw IntakeProblems.dossierNotFound(code);
    return officerView(dossier, this.cipher.decrypt(dossier.citizenIdCiphertext));
  }

  /** Without login: status, appointment, public steps and the rating's state, if the phone's last four digits match. */
  async publicStatus(code: string, phoneLastFour: string) {
    const dossier = await this.store.byCode(code);
    if (!dossier || !dossier.applicantPhone.endsWith(phoneLastFour)) throw IntakeProblems.dossierNotFound(code);
    const steps = await this.history.steps(dossier.id);
    const rating = await this.ratings.publicState(dossier);
    return {
      code: dossier.code,
      status: dossier.status,
      appointmentDate: dossier.appointmentDate,
      history: steps,
      rating,
    };
  }

  async decide(code: string, decision: IntakeDecisionDto, principal: Principal) {
    const now = this.clock.now();
    // Read before the transaction, which then picks the dossier's province without a second connection.
    const calendars = await this.calendars.calendars();
    return this.dataSource.transaction(async (tx) => {
      const dossier = await this.store.lockByCode(tx, code);
      if (!dossier || !isReceivingDesk(principal, dossier)) throw IntakeProblems.dossierNotFound(code);
      if (dossier.status !== DOSSIER_STATUS.submittedOnline) {
        throw IntakeProblems.alreadyDecided(code, dossier.status);
      }
      const procedure = (await this.procedures.version(dossier.procedureCode, dossier.procedureVersion))!;
      const receive = decision.decision === 'receive';
      if (receive && dossier.missingDocuments.length > 0 && !decision.reason) {
        throw unprocessableRequest([
          {
            field: 'reason',
            code: 'isNotEmpty',
            message: `required to receive a dossier missing ${dossier.missingDocuments.join(', ')}`,
          },
        ]);
      }
      const calendar = calendars.of(dossier.provinceCode);
      const schedule = receive ? receptionSchedule(calendar, now, procedure.processingTime) : null;
      const updated = await this.store.decide(
        tx,
        dossier.id,
        {
          status: receive ? DOSSIER_STATUS.received : DOSSIER_STATUS.refusedAtIntake,
          intakeNote: decision.reason ?? null,
          receivedAt: receive ? now : null,
          countingFrom: schedule?.countingFrom ?? null,
          dueAt: schedule?.dueAt ?? null,
          appointmentDate: schedule?.appointmentDate ?? null,
        },
        now,
      );
      const origin = requestOrigin('intake', principal);
      const events: EventEnvelope[] = [
        statusChangedEvent(
          updated,
          { from: dossier.status, action: receive ? 'receive' : 'refuse', reason: decision.reason ?? null },
          origin,
          now,
        ),
      ];
      events.push(
        receive
          ? receivedEvent(updated, procedure, origin, this.eventData)
          : refusedEvent(updated, procedure, origin, now, this.eventData),
      );
      await this.history.recordStatusChanges(tx, dossier.id, events);
      await this.outbox.append(tx, events);
      return officerView(updated, this.cipher.decrypt(dossier.citizenIdCiphertext));
    });
  }

  /**
   * The applicant takes back an online filing the desk has not checked yet (1 → 7). Once received,
   * the dossier belongs to processing and is withdrawn there, through routing's `withdraw` action.
   */
  async withdrawOnline(code: string, withdrawal: WithdrawalDto, principal: Principal) {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const dossier = await this.store.lockByCode(tx, code);
      if (!dossier || dossier.accountSubject !== principal.subject) throw IntakeProblems.dossierNotFound(code);
      if (dossier.status !== DOSSIER_STATUS.submittedOnline) {
        throw IntakeProblems.alreadyReceived(code, dossier.status, dossier.id);
      }
      const updated = await this.store.decide(
        tx,
        dossier.id,
        { status: DOSSIER_STATUS.withdrawn, intakeNote: withdrawal.reason },
        now,
      );
      const event = statusChangedEvent(
        updated,
        { from: dossier.status, action: 'withdraw', reason: withdrawal.reason },
        requestOrigin('intake', principal),
        now,
      );
      await this.history.recordStatusChanges(tx, dossier.id, [event]);
      await this.outbox.append(tx, [event]);
      return receiptView(updated);
    });
  }
}
