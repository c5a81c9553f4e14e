import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LAST_CALLED_SHOWN, PRIORITY_GROUPS, PriorityGroup, TICKET_CHANNELS, TicketChannel } from '../queue-ticket';

const DISPLAY = {
  description: "'U-' and the number for the priority tier, 'A-' for standard; at least three digits.",
  example: 'A-012',
};

export class IssuedTicketDto {
  @ApiProperty({ example: '19753' })
  unitCode: string;

  @ApiProperty({ description: 'The local day (UTC+07:00) the number belongs to.', example: '2026-05-05' })
  date: string;

  @ApiProperty({ description: "The day's sequence at the unit, from 1.", example: 12 })
  number: number;

  @ApiProperty(DISPLAY)
  display: string;

  @ApiProperty({ enum: PRIORITY_GROUPS })
  priorityGroup: PriorityGroup;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({ description: 'Tickets that will be called before this one, as of now.' })
  waitingAhead: number;
}

export class TicketStatusDto {
  @ApiProperty()
  number: number;

  @ApiProperty(DISPLAY)
  display: string;

  @ApiProperty({ enum: ['waiting', 'called'] })
  status: 'waiting' | 'called';

  @ApiProperty({ description: 'Tickets to be called before this one; 0 once called.' })
  waitingAhead: number;

  @ApiPropertyOptional({
    description:
      "While waiting: minutes until the call, the people ahead times today's pace of calls at the unit (5 minutes each before there is one).",
  })
  estimatedWaitMinutes?: number;

  @ApiPropertyOptional()
  counter?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  calledAt?: string;
}

export class CalledTicketDto {
  @ApiProperty()
  number: number;

  @ApiProperty(DISPLAY)
  display: string;

  @ApiProperty({ enum: PRIORITY_GROUPS })
  priorityGroup: PriorityGroup;

  @ApiProperty({ enum: TICKET_CHANNELS })
  channel: TicketChannel;

  @ApiPropertyOptional()
  procedureCode?: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty()
  counter: string;

  @ApiProperty({ format: 'date-time' })
  calledAt: string;
}

export class RecentCallDto {
  @ApiProperty()
  number: number;

  @ApiProperty(DISPLAY)
  display: string;

  @ApiProperty()
  counter: string;

  @ApiProperty({ format: 'date-time' })
  calledAt: string;
}

export class WaitingCountDto {
  @ApiProperty()
  total: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Waiting tickets per priority group, every group listed.',
    example: {
      standard: 8,
      elderly: 2,
      disability: 0,
      pregnant: 1,
      'young-child': 0,
      veteran: 0,
      'ethnic-minority': 1,
    },
  })
  byGroup: Record<PriorityGroup, number>;
}

export class QueueDto {
  @ApiProperty({ example: '2026-05-05' })
  date: string;

  @ApiProperty()
  waiting: WaitingCountDto;

  @ApiProperty({ type: [RecentCallDto], description: `The last ${LAST_CALLED_SHOWN} calls, newest first.` })
  lastCalled: RecentCallDto[];

  @ApiProperty({ description: 'Numbers issued today.' })
  issued: number;
}
