import { ApiProperty } from '@nestjs/swagger';
import { OfficerDto } from './officer.dto';

export class RegisteredOfficerDto extends OfficerDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty({ example: '19753' })
  unitCode!: string;
}
