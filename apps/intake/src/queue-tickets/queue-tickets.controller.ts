import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import {
  clientAddress,
  CurrentPrincipal,
  invalidRequest,
  Principal,
  ProblemResponse,
  Public,
  Roles,
} from '@onestop/platform';
import { CallNextDto } from './dto/call-next.dto';
import { IssueTicketDto } from './dto/issue-ticket.dto';
import { CalledTicketDto, IssuedTicketDto, QueueDto, TicketStatusDto } from './dto/queue-ticket.dto';
import { QueueTicketsService } from './queue-tickets.service';

const ticketNumber = new ParseIntPipe({
  exceptionFactory: () => invalidRequest([{ field: 'number', code: 'isInt', message: 'must be an integer' }]),
});

@ApiTags('queue tickets')
@ApiParam({ name: 'unitCode', description: 'A commune centre, service point or department desk', example: '19753' })
@ProblemResponse(404, 'No receiving unit with this code is open today')
@Controller('api/v1/receiving-units/:unitCode')
export class QueueTicketsController {
  constructor(private readonly queueTickets: QueueTicketsService) {}

  @Post('tickets')
  @Public()
  @ApiOperation({ summary: "Take a number in today's queue (kiosk or online); nothing personal is asked or kept" })
  @ApiCreatedResponse({ type: IssuedTicketDto })
  @ProblemResponse(400, 'The body names an unknown group or channel, or an unexpected field')
  @ProblemResponse(
    401,
    "Kiosk: the centre's kiosk takes numbers signed in as a desk officer of the unit; without a token only online numbers are given",
  )
  @ProblemResponse(403, 'Kiosk: the token is not that of a desk officer of this unit')
  @ProblemResponse(
    429,
    "Online: this address's numbers at this unit today, or the unit's online numbers for today, are all taken; Retry-After is the day's end",
  )
  issue(
    @Param('unitCode') unitCode: string,
    @Body() request: IssueTicketDto,
    @Req() http: Request & { principal?: Principal },
  ): Promise<IssuedTicketDto> {
    return this.queueTickets.issue(unitCode, request, {
      address: clientAddress(http),
      principal: http.principal ?? null,
    });
  }

  @Get('tickets/:number')
  @Public()
  @ApiOperation({ summary: "A ticket of today's queue: waiting (and how many are ahead) or called (to which counter)" })
  @ApiOkResponse({ type: TicketStatusDto })
  status(@Param('unitCode') unitCode: string, @Param('number', ticketNumber) number: number): Promise<TicketStatusDto> {
    return this.queueTickets.status(unitCode, number);
  }

  @Get('queue')
  @Public()
  @ApiOperation({
    summary: "Today's queue for the waiting-room screen: who waits, the last calls, how many were issued",
  })
  @ApiOkResponse({ type: QueueDto })
  queue(@Param('unitCode') unitCode: string): Promise<QueueDto> {
    return this.queueTickets.queue(unitCode);
  }

  @Post('calls')
  @HttpCode(200)
  @Roles('desk-officer')
  @ApiOperation({
    summary:
      'Call the next ticket to a counter: priority groups first, then standard, first come first served within each',
  })
  @ApiOkResponse({ type: CalledTicketDto })
  @ProblemResponse(403, 'The caller is not a desk officer of this unit')
  @ProblemResponse(404, 'Nobody is waiting (type ends in /queue-empty), or no such unit')
  callNext(
    @Param('unitCode') unitCode: string,
    @Body() request: CallNextDto,
    @CurrentPrincipal() officer: Principal,
  ): Promise<CalledTicketDto> {
    return this.queueTickets.callNext(unitCode, request, officer);
  }
}
