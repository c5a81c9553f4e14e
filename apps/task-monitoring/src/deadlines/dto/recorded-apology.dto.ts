import { ApiProperty } from '@nestjs/swagger';

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
