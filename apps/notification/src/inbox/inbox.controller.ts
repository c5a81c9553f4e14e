import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, IsOmittable, Principal, ProblemException, ProblemResponses } from '@onestop/platform';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { InboxMessageDto, InboxPageDto, UnreadCountDto } from './inbox.response';

export class InboxQueryDto {
  @ApiPropertyOptional({ description: 'only unread messages' })
  @IsOmittable()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOmittable()
  @IsUUID('7', { message: 'must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

interface InboxMessage {
  id: string;
  kind: string;
  title: string;
  body: string;
  dossierCode: string | null;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `id, kind, title, body, dossier_code AS "dossierCode", created_at AS "createdAt", read_at AS "readAt"`;

/** Each person's in-app inbox: their own messages only. */
@ApiTags('inbox')
@Controller('api/v1/inbox')
export class InboxController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "The caller's messages, newest first, cursor-paged" })
  @ApiOkResponse({ type: InboxPageDto })
  async list(@Query() query: InboxQueryDto, @CurrentPrincipal() principal: Principal) {
    const limit = query.limit ?? 20;
    const rows: InboxMessage[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM inbox_messages
        WHERE owner = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) AND ($3::uuid IS NULL OR id < $3)
        ORDER BY id DESC LIMIT $4`,
      [principal.subject, query.unread ?? null, query.cursor ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many of the caller\'s messages are unread' })
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentPrincipal() principal: Principal) {
    const [row]: { unread: number }[] = await this.dataSource.query('SELECT count(*)::int AS unread FROM inbox_messages WHERE owner = $1 AND read_at IS NULL', [principal.subject]);
    return row;
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of the caller\'s messages read (again: no change)' })
  @ApiOkResponse({ type: InboxMessageDto })
  @ProblemResponses(404)
  async markRead(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const [rows]: [InboxMessage[], number] = await this.dataSource.query(
      `UPDATE inbox_messages SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND owner = $2 RETURNING ${COLUMNS}`,
      [id, principal.subject, this.clock.now()],
    );
    if (!rows[0]) throw new ProblemException(404, 'Not found', { detail: `no message ${id} in your inbox` });
    return rows[0];
  }
}
