import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, Principal, ProblemResponses } from '@onestop/platform';
import { NotificationProblems } from '../problems';
import { InboxMessageDto, InboxPageDto, UnreadCountDto } from './dto/inbox-message.dto';
import { InboxQueryDto } from './dto/inbox-query.dto';
import { InboxMessagesStore } from './inbox-messages.store';

/** Each person's in-app inbox: their own messages only. */
@ApiTags('inbox')
@Controller('api/v1/inbox')
export class InboxController {
  constructor(
    private readonly messages: InboxMessagesStore,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's messages, newest first, cursor-paged" })
  @ApiOkResponse({ type: InboxPageDto })
  async list(@Query() query: InboxQueryDto, @CurrentPrincipal() principal: Principal) {
    const limit = query.limit ?? 20;
    const rows = await this.messages.page(
      principal.subject,
      { unreadOnly: query.unread ?? false, cursor: query.cursor ?? null },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of the caller's messages are unread" })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() principal: Principal) {
    return { unread: await this.messages.unreadCount(principal.subject) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark one of the caller's messages read (again: no change)" })
  @ApiOkResponse({ type: InboxMessageDto })
  @ProblemResponses(404)
  async markRead(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const message = await this.messages.markRead(principal.subject, id, this.clock.now());
    if (!message) throw NotificationProblems.inboxMessageNotFound(id);
    return message;
  }
}
