import { ApiProperty } from '@nestjs/swagger';
import { OfficerDto } from './officer.dto';

export class UnitOfficerDto extends OfficerDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty({
    example: 3,
    description: 'the open dossiers assigned to the officer (received, in processing, awaiting a supplement or fees)',
  })
  openWorkItems!: number;
}

export class UnitOfficersDto {
  @ApiProperty({ example: '19753' })
  unitCode!: string;

  @ApiProperty({ type: [UnitOfficerDto], description: 'active and inactive, by subject' })
  items!: UnitOfficerDto[];
}
