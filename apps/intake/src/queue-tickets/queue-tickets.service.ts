import { endOfLocalDay, localDateOf } from '@onestop/calendar';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, hasAnyRole, isUnitOfficer, Principal, ProblemException, REDIS_CLIENT } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import type { RedisClientType } from 'redis';
import { CallNextDto } from './dto/call-next.dto';
import { IssueTicketDto } from './dto/issue-ticket.dto';
import { CalledTicketDto, IssuedTicketDto, QueueDto, TicketStatusDto } from './dto/queue-ticket.dto';
import { IntakeEnv } from '../intake.env';
import { IntakeProblems } from '../problems';
import { onlineAllowance, OnlineAllowance, OnlineTicketLimits } from './online-allowance';
import { QueueCommands, queueCommands } from './queue-scripts';
import {
  displayNumber,
  LAST_CALLED_SHOWN,
  PRIORITY_GROUPS,
  PriorityGroup,
  QUEUE_TTL_SECONDS,
  QueueKeys,
  queueKeys,
  StoredTicket,
  tierOf,
} from './queue-ticket';
import { estimatedWaitMinutes } from './queue-wait';

/** The day's queue of a receiving unit, kept in Redis; the Clock decides which day it is. */
@Injectable()
export class QueueTicketsService {
  private readonly commands: QueueCommands;
  private readonly takeOnline: ReturnType<typeof onlineAllowance>;
  private readonly onlineLimits: OnlineTicketLimits;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClientType,
    private readonly units: AdministrativeUnits,
    private readonly clock: Clock,
    env: IntakeEnv,
  ) {
    this.commands = queueCommands(redis);
    this.takeOnline = onlineAllowance(redis);
    this.onlineLimits = { perAddress: env.ONLINE_TICKETS_PER_ADDRESS, perUnit: env.ONLINE_TICKETS_PER_UNIT };
  }

  /**
   * A number for today. Online, within the day's allowance of the client's address and of the unit;
   * at the kiosk, only for the centre's kiosk signed in as a desk officer of the unit: otherwise
   * "kiosk" would be a way round the online allowance from home.
   */
  async issue(
    unitCode: string,
    request: IssueTicketDto,
    client: { address: string; principal: Principal | null },
  ): Promise<IssuedTicketDto> {
    const now = this.clock.now();
    const date = localDateOf(now);
    const keys = await this.openQueue(unitCode, date);
    if (request.channel === 'kiosk') assertKioskOf(unitCode, client.principal);
    if (request.channel === 'online') {
      const allowance = await this.takeOnline(keys.online, client.address, this.onlineLimits, QUEUE_TTL_SECONDS);
      if (allowance !== 'granted') throw this.noOnlineTicketLeft(allowance, unitCode, date, now);
    }
    const priorityGroup = request.priorityGroup ?? 'standard';
    const issuedAt = now.toISOString();
    const { number, waitingAhead } = await this.commands.issueTicket(
      keys,
      tierOf(priorityGroup),
      { priorityGroup, channel: request.channel, procedureCode: request.procedureCode, issuedAt },
      QUEUE_TTL_SECONDS,
    );
    return {
      unitCode,
      date,
      number,
      display: displayNumber(number, priorityGroup),
      priorityGroup,
      issuedAt,
      waitingAhead,
    };
  }

  async status(unitCode: string, number: number): Promise<TicketStatusDto> {
    const date = localDateOf(this.clock.now());
    const keys = await this.openQueue(unitCode, date);
    // One transaction, so the ticket and its place in line are read at the same moment; one failed
    // command fails the read.
    const [stored, priorityRank, standardRank, priorityWaiting, recentCalls] = await this.redis
      .multi()
      .hGet(keys.tickets, String(number))
      .zRank(keys.waitingPriority, String(number))
      .zRank(keys.waitingStandard, String(number))
      .zCard(keys.waitingPriority)
      .lRange(keys.called, 0, LAST_CALLED_SHOWN - 1)
      .execTyped();
    if (stored === null) throw IntakeProblems.ticketNotFound(number, unitCode, date);
    const ticket = JSON.parse(stored) as StoredTicket;
    const waitingAhead = priorityRank ?? (standardRank === null ? 0 : priorityWaiting + standardRank);
    return {
      number,
      display: displayNumber(number, ticket.priorityGroup),
      status: ticket.calledAt ? 'called' : 'waiting',
      waitingAhead,
      estimatedWaitMinutes: ticket.calledAt
        ? undefined
        : estimatedWaitMinutes(
            recentCalls.map((call) => (JSON.parse(call) as StoredTicket).calledAt!),
            waitingAhead,
          ),
      counter: ticket.counter,
      calledAt: ticket.calledAt,
    };
  }

  async queue(unitCode: string): Promise<QueueDto> {
    const date = localDateOf(this.clock.now());
    const keys = await this.openQueue(unitCode, date);
    const [issued, waitingByGroup, lastCalled] = await this.redis
      .multi()
      .get(keys.sequence)
      .hGetAll(keys.waitingByGroup)
      .lRange(keys.called, 0, LAST_CALLED_SHOWN - 1)
      .execTyped();
    const byGroup = Object.fromEntries(
      PRIORITY_GROUPS.map((group) => [group, Number(waitingByGroup[group] ?? 0)]),
    ) as Record<PriorityGroup, number>;
    return {
      date,
      waiting: { total: Object.values(byGroup).reduce((sum, count) => sum + count, 0), byGroup },
      lastCalled: lastCalled.map((entry) => {
        const ticket = JSON.parse(entry) as StoredTicket;
        return {
          number: ticket.number,
          display: displayNumber(ticket.number, ticket.priorityGroup),
          counter: ticket.counter!,
          calledAt: ticket.calledAt!,
        };
      }),
      issued: Number(issued ?? 0),
    };
  }

  /** Calls the longest-waiting ticket of the priority tier, or of the standard tier when it is empty. */
  async callNext(unitCode: string, request: CallNextDto, officer: Principal): Promise<CalledTicketDto> {
    const now = this.clock.now();
    const unit = await this.units.receivingUnit(unitCode, localDateOf(now));
    if (
      !isUnitOfficer(officer) ||
      officer.unitCode !== unitCode ||
      (unit && unit.provinceCode !== officer.provinceCode)
    ) {
      throw IntakeProblems.callsAtOtherUnit(officer.unitCode ?? null);
    }
    const keys = await this.openQueue(unitCode, localDateOf(now));
    const ticket = await this.commands.callNextTicket(keys, request.counter, now.toISOString(), QUEUE_TTL_SECONDS);
    if (!ticket) throw IntakeProblems.queueEmpty(unitCode);
    return {
      number: ticket.number,
      display: displayNumber(ticket.number, ticket.priorityGroup),
      priorityGroup: ticket.priorityGroup,
      channel: ticket.channel,
      procedureCode: ticket.procedureCode,
      issuedAt: ticket.issuedAt,
      counter: ticket.counter!,
      calledAt: ticket.calledAt!,
    };
  }

  /** 429 until the local day ends, when the day's allowances start again. */
  private noOnlineTicketLeft(
    allowance: Exclude<OnlineAllowance, 'granted'>,
    unitCode: string,
    date: string,
    now: Date,
  ): ProblemException {
    const detail =
      allowance === 'address'
        ? `this address has taken ${this.onlineLimits.perAddress} online numbers at unit ${unitCode} today`
        : `unit ${unitCode} has given out its ${this.onlineLimits.perUnit} online numbers for today; the kiosk at the unit still gives numbers`;
    const retryAfterSeconds = Math.max(1, Math.ceil((endOfLocalDay(date).getTime() - now.getTime()) / 1000));
    return IntakeProblems.noOnlineTicketLeft(allowance, detail, retryAfterSeconds);
  }

  /** The day's queue keys of a unit that receives citizens on that day; 404 for any other code. */
  private async openQueue(unitCode: string, date: string): Promise<QueueKeys> {
    const unit = await this.units.receivingUnit(unitCode, date);
    if (!unit) throw IntakeProblems.receivingUnitNotFound(unitCode, date);
    return queueKeys(unit.code, date);
  }
}

function assertKioskOf(unitCode: string, principal: Principal | null): void {
  if (!principal) throw IntakeProblems.kioskSignInRequired();
  if (!hasAnyRole(principal, ['desk-officer']) || principal.unitCode !== unitCode) {
    throw IntakeProblems.notKioskOfUnit(unitCode);
  }
}
