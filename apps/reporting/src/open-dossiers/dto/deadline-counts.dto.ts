import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EmptyAsAbsent, IsOmittable, IsUnitCode } from '@onestop/platform';
import { DATA_AS_OF } from '../../read-model/data-as-of.property';

export class DeadlineCountsQueryDto {
  @ApiPropertyOptional({
    description:
      'one unit of your province (province roles); a unit leader may only name his own unit, and gets it without naming it',
    example: '19753',
  })
  @EmptyAsAbsent()
  @IsOmittable()
  @IsUnitCode()
  unit?: string;
}

export class UnitDeadlineCountDto {
  @ApiProperty({ example: '19753' })
  unitCode!: string;

  @ApiProperty({ description: 'open dossiers past their deadline now', example: 3 })
  late!: number;

  @ApiProperty({
    description: 'open dossiers whose deadline falls within the next working day (8 working hours)',
    example: 5,
  })
  dueSoon!: number;
}

export class DeadlineCountsDto {
  @ApiProperty({ description: 'the instant the dossiers were judged at', example: '2026-11-26T03:00:00.000Z' })
  asOf!: string;

  @ApiProperty(DATA_AS_OF)
  dataAsOf!: string | null;

  @ApiProperty({
    type: [UnitDeadlineCountDto],
    description: 'the units with a late or due-soon dossier, most late first',
  })
  units!: UnitDeadlineCountDto[];
}
