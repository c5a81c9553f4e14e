import { ApiProperty } from '@nestjs/swagger';
import { TASK_STATUSES } from '@onestop/contracts';

class EvidenceDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'where the evidence is kept' })
  ref!: string;

  @ApiProperty({ required: false })
  sha256?: string;
}

class ProgressReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  value!: number;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ type: [EvidenceDto] })
  evidence!: EvidenceDto[];

  @ApiProperty()
  reportedBy!: string;

  @ApiProperty({ format: 'date-time' })
  reportedAt!: string;
}

export class CommuneProgressDto {
  @ApiProperty({ example: '19753' })
  communeCode!: string;

  @ApiProperty({ type: String, nullable: true })
  communeName!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'the value reached; null before the first report' })
  value!: number | null;

  @ApiProperty({ description: 'share of the target reached, in percent' })
  progressPercent!: number;

  @ApiProperty({ enum: TASK_STATUSES })
  status!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  doneAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: ProgressReportDto, nullable: true })
  lastReport!: ProgressReportDto | null;
}

/** One commune's progress on a task, as its report returns it. */
export class TaskCommuneProgressDto extends CommuneProgressDto {
  @ApiProperty({ format: 'uuid' })
  taskId!: string;
}

export class TaskViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '46' })
  provinceCode!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty()
  indicator!: string;

  @ApiProperty()
  indicatorUnit!: string;

  @ApiProperty()
  targetValue!: number;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date' })
  dueDate!: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;

  @ApiProperty()
  assignedBy!: string;

  @ApiProperty({ type: String, nullable: true })
  assignedByUnit!: string | null;

  @ApiProperty({ type: [CommuneProgressDto], description: 'each commune, or only its own for a commune' })
  communes!: CommuneProgressDto[];
}

export class TaskPageDto {
  @ApiProperty({ type: [TaskViewDto] })
  items!: TaskViewDto[];

  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
