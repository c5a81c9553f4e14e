import { ApiProperty } from '@nestjs/swagger';

class CommuneEvaluationDto {
  @ApiProperty()
  communeCode!: string;

  @ApiProperty({ type: String, nullable: true })
  communeName!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'null with no task due in the period' })
  score!: number | null;

  @ApiProperty({ description: 'tasks due in the period' })
  tasks!: number;

  @ApiProperty()
  done!: number;

  @ApiProperty()
  doneLate!: number;

  @ApiProperty()
  overdue!: number;

  @ApiProperty()
  inProgress!: number;
}

export class TaskEvaluationDto {
  @ApiProperty({ example: '2026-Q4' })
  period!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty()
  provinceCode!: string;

  @ApiProperty({ format: 'date-time' })
  evaluatedAt!: string;

  @ApiProperty({ type: [CommuneEvaluationDto], description: 'best score first' })
  communes!: CommuneEvaluationDto[];
}
