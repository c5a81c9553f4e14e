import { IsOmittable } from '@onestop/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PRIORITY_GROUPS, PriorityGroup, TICKET_CHANNELS, TicketChannel } from '../queue-ticket';

/** Taking a number asks nothing about the person: a group the desk can verify, at most a procedure. */
export class IssueTicketDto {
  @ApiPropertyOptional({ enum: PRIORITY_GROUPS, default: 'standard' })
  @IsOmittable()
  @IsIn(PRIORITY_GROUPS)
  priorityGroup?: PriorityGroup;

  @ApiPropertyOptional({
    description: 'The procedure the citizen comes for, so the desk can prepare.',
    maxLength: 32,
    pattern: '^[A-Z0-9.-]+$',
    example: '1.001234',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(32)
  @Matches(/^[A-Z0-9.-]+$/, { message: 'procedureCode may contain only A-Z, 0-9, "." and "-"' })
  procedureCode?: string;

  @ApiProperty({ enum: TICKET_CHANNELS })
  @IsIn(TICKET_CHANNELS)
  channel: TicketChannel;
}
