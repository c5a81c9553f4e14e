import { ApiProperty } from '@nestjs/swagger';
import { ESCALATION_LEVELS } from '@onestop/contracts';

class DeadlineDto {
  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty({ example: '19753-261124-0001' })
  code!: string;

  @ApiProperty()
  unitCode!: string;

  @ApiProperty({ type: String, nullable: true })
  assigneeId!: string | null;

  @ApiProperty()
  procedureCode!: string;

  @ApiProperty()
  step!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ format: 'date-time', description: 'when the dossier counts as due soon' })
  dueSoonAt!: string;

  @ApiProperty({ format: 'date-time', description: "the current step's own deadline" })
  stepDueAt!: string;

  @ApiProperty()
  escalationLevel!: number;

  @ApiProperty({ enum: ['due-soon', 'overdue'] })
  state!: string;
}

export class DeadlinePageDto {
  @ApiProperty({ type: [DeadlineDto] })
  items!: DeadlineDto[];

  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

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

/** The apology recorded, as the applicant is told of it. */
export class RecordedApologyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  provinceCode!: string;

  @ApiProperty()
  unitCode!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date' })
  newAppointmentDate!: string;

  @ApiProperty({ format: 'date-time' })
  newDueAt!: string;

  @ApiProperty({ format: 'date-time' })
  previousDueAt!: string;

  @ApiProperty()
  approvedBy!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}
