import { ApiProperty } from '@nestjs/swagger';
import { ESCALATION_LEVELS } from '@onestop/contracts';

class EscalationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty({ enum: ESCALATION_LEVELS })
  level!: string;

  @ApiProperty()
  unitCode!: string;

  @ApiProperty({ type: String, nullable: true })
  assigneeId!: string | null;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ format: 'date-time' })
  escalatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;
}

export class EscalationPageDto {
  @ApiProperty({ type: [EscalationDto] })
  items!: EscalationDto[];

  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
