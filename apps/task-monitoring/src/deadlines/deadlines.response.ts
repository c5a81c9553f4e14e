import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ESCALATION_LEVELS } from '@onestop/contracts';
import { DEADLINE_STANDINGS } from './deadline-clock';

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

/** One dossier's deadline in working time, as of `computedAt`. */
export class DossierDeadlineDto {
  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty({ example: '19753-260901-0001' })
  code!: string;

  @ApiProperty({
    enum: DEADLINE_STANDINGS,
    description: 'due-soon within the warning time before the deadline; paused while the dossier waits on the citizen; closed once it has its result or has ended',
  })
  state!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the deadline; while paused, the one the dossier would have if the citizen answered now; null once closed',
    example: '2026-09-08T02:00:00.000Z',
  })
  dueAt!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'working minutes to the deadline on the working calendar, negative once overdue; while paused, the working time the pause keeps; null once closed',
    example: 570,
  })
  workingMinutesLeft!: number | null;

  @ApiProperty({ description: 'the clock stands still while the dossier waits on the citizen (a supplement or fees)' })
  paused!: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: "the current step's own deadline, while the clock runs" })
  stepDueAt?: string;

  @ApiProperty({ format: 'date-time', description: "the service's time the standing was computed at" })
  computedAt!: string;
}
