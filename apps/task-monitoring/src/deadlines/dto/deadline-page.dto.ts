import { ApiProperty } from '@nestjs/swagger';

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
