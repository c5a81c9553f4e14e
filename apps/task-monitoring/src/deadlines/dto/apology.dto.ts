import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate } from '@onestop/platform';
import { IsString, Length } from 'class-validator';

/** A leader's apology for a late dossier, with the new appointment date it sets. */
export class ApologyDto {
  @ApiProperty({
    description: 'why the result is late, as the applicant will read it',
    example: 'Cần xác minh thêm thông tin về thửa đất',
  })
  @IsString()
  @Length(10, 2000)
  reason!: string;

  @ApiProperty({
    description: 'the new appointment date: a working day after the current appointment, within a year of it',
    example: '2026-12-04',
  })
  @IsString()
  @IsLocalDate()
  newAppointmentDate!: string;
}
