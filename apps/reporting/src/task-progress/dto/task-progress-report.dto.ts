import { ApiProperty } from '@nestjs/swagger';

export class CommuneTaskProgressDto {
  @ApiProperty({ example: '19753' })
  communeCode!: string;

  @ApiProperty({ description: 'tasks given to the commune that are due in the period', example: 4 })
  tasks!: number;

  @ApiProperty({ description: 'of those, reported done', example: 2 })
  done!: number;

  @ApiProperty({ description: 'of those, now at risk of missing the target', example: 1 })
  atRisk!: number;

  @ApiProperty({ description: 'of those, now past their due date without being done', example: 1 })
  overdue!: number;

  @ApiProperty({ description: 'done ÷ tasks', example: { numerator: 2, denominator: 4, value: 0.5 } })
  shareDone!: { numerator: number; denominator: number; value: number | null };
}

export class TaskProgressReportDto {
  @ApiProperty({ example: '46' })
  provinceCode!: string;

  @ApiProperty({ example: '2026-Q4' })
  period!: string;

  @ApiProperty({ example: '2026-10-01' })
  firstDay!: string;

  @ApiProperty({ example: '2026-12-31' })
  lastDay!: string;

  @ApiProperty({ type: [CommuneTaskProgressDto] })
  communes!: CommuneTaskProgressDto[];
}
