import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { DOSSIER_STATUS, EventEnvelope } from '@onestop/contracts';
import { EventDataKeys, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, Principal, ProblemException, unprocessableRequest } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { CitizenIdCipher } from '../applicants/citizen-id.cipher';
import { ProceduresService } from '../procedures/procedures.service';
import { RatingsService } from '../ratings/ratings.service';
import { receivedEvent, refusedEvent, statusChangedEvent } from './dossier-events';
import { isReceivingDesk, mayRead } from './dossier-access';
import { DOSSIER_COLUMNS, DossierRecord } from './dossier.record';
import { officerView, PublicStep, receiptView } from './dossier-views';
import { IntakeDecisionDto, WithdrawalDto } from './dto/intake-decision.dto';
import { recordPublicSteps } from './public-history';
import { receptionSchedule } from './reception-schedule';

const notFound = (code: string) => new ProblemException(404, 'No such dossier', { detail: `no dossier ${code} that you may see` });

/** Reading dossiers, the public look-up, and the desk's check of online filings. */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procedures: ProceduresService,
    private readonly calendars: CalendarStore,
    private readonly cipher: CitizenIdCipher,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
    private readonly ratings: RatingsService,
  ) {}

  async forOfficer(code: string, principal: Principal) {
    const dossier = await this.byCode(code);
    if (!dossier || !mayRead(principal, dossier)) throw notFound(code);
    return officerView(dossier, this.cipher.decrypt(dossier.citizenIdCiphertext));
  }

  /** Without login: status, appointment, public steps and the rating's state, if the phone's last four digits match. */
  async publicStatus(code: string, phoneLastFour: string) {
    const dossier = await this.byCode(code);
    if (!dossier || !dossier.applicantPhone.endsWith(phoneLastFour)) throw notFound(code);
    const steps: PublicStep[] = await this.dataSource.query(
      `SELECT from_status AS "from", to_status AS "to", action, occurred_at AS "at", note
         FROM dossier_public_history WHERE dossier_id = $1 ORDER BY occurred_at, id`,
      [dossier.id],
    );
    const rating = await this.ratings.publicState(dossier);
    return { code: dossier.code, status: dossier.status, appointmentDate: dossier.appointmentDate, history: steps, rating };
  }

  async decide(code: string, decision: IntakeDecisionDto, principal: Principal) {
    const now = this.clock.now();
    // Read before the transaction, which then picks the dossier's province without a second connection.
    const calendars = await this.calendars.calendars();
    return this.dataSource.transaction(async (tx) => {
      const rows: DossierRecord[] = await tx.query(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE code = $1 FOR UPDATE`, [code]);
      const dossier = rows[0];
      if (!dossier || !isReceivingDesk(principal, dossier)) throw notFound(code);
      if (dossier.status !== DOSSIER_STATUS.submittedOnline) {
        throw new ProblemException(409, 'Already decided', { detail: `dossier ${code} has status ${dossier.status}; only online filings (1) await the desk` });
      }
      const procedure = (await this.procedures.version(dossier.procedureCode, dossier.procedureVersion))!;
      const receive = decision.decision === 'receive';
      if (receive && dossier.missingDocuments.length > 0 && !decision.reason) {
        throw unprocessableRequest([{ field: 'reason', code: 'isNotEmpty', message: `required to receive a dossier missing ${dossier.missingDocuments.join(', ')}` }]);
      }
      const calendar = calendars.of(dossier.provinceCode);
      const schedule = receive ? receptionSchedule(calendar, now, procedure.processingTime) : null;
      const [updated]: [DossierRecord[], number] = await tx.query(
        `UPDATE dossiers SET status = $2, intake_note = $3, received_at = $4, counting_from = $5, due_at = $6, appointment_date = $7,
           version = version + 1, updated_at = $8 WHERE id = $1 RETURNING ${DOSSIER_COLUMNS}`,
        [
          dossier.id,
          receive ? DOSSIER_STATUS.received : DOSSIER_STATUS.refusedAtIntake,
          decision.reason ?? null,
          receive ? now : null,
          schedule?.countingFrom ?? null,
          schedule?.dueAt ?? null,
          schedule?.appointmentDate ?? null,
          now,
        ],
      );
      const origin = requestOrigin('intake', principal);
      const events: EventEnvelope[] = [
        statusChangedEvent(updated[0], { from: dossier.status, action: receive ? 'receive' : 'refuse', reason: decision.reason ?? null }, origin, now),
      ];
      events.push(receive ? receivedEvent(updated[0], procedure, origin, this.eventData) : refusedEvent(updated[0], procedure, origin, now, this.eventData));
      await recordPublicSteps(tx, dossier.id, events);
      await this.outbox.append(tx, events);
      return officerView(updated[0], this.cipher.decrypt(dossier.citizenIdCiphertext));
    });
  }

  /**
   * The applicant takes back an online filing the desk has not checked yet (1 → 7). Once received,
   * the dossier belongs to processing and is withdrawn there, through routing's `withdraw` action.
   */
  async withdrawOnline(code: string, withdrawal: WithdrawalDto, principal: Principal) {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const rows: DossierRecord[] = await tx.query(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE code = $1 FOR UPDATE`, [code]);
      const dossier = rows[0];
      if (!dossier || dossier.accountSubject !== principal.subject) throw notFound(code);
      if (dossier.status !== DOSSIER_STATUS.submittedOnline) {
        throw new ProblemException(409, 'Already received', {
          detail: `dossier ${code} has status ${dossier.status}; after reception it is withdrawn with the processing action "withdraw" on dossier ${dossier.id}`,
        });
      }
      const [updated]: [DossierRecord[], number] = await tx.query(
        `UPDATE dossiers SET status = $2, intake_note = $3, version = version + 1, updated_at = $4 WHERE id = $1 RETURNING ${DOSSIER_COLUMNS}`,
        [dossier.id, DOSSIER_STATUS.withdrawn, withdrawal.reason, now],
      );
      const event = statusChangedEvent(updated[0], { from: dossier.status, action: 'withdraw', reason: withdrawal.reason }, requestOrigin('intake', principal), now);
      await recordPublicSteps(tx, dossier.id, [event]);
      await this.outbox.append(tx, [event]);
      return receiptView(updated[0]);
    });
  }

  private async byCode(code: string): Promise<DossierRecord | null> {
    const rows: DossierRecord[] = await this.dataSource.query(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }
}
