import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUnitCode } from '@onestop/platform';
import { IsString } from 'class-validator';

export class AppointmentQuoteQueryDto {
  @ApiProperty({ example: '19753.BD1', description: "the desk that would receive the filing: the caller's own unit" })
  @IsString()
  @IsUnitCode()
  receivingUnitCode!: string;
}

class BilingualTextDto {
  @ApiProperty()
  vi!: string;

  @ApiProperty()
  en!: string;
}

class FeeDto {
  @ApiProperty({ example: 100_000, description: 'in Vietnamese đồng; 0 when free' })
  amountVnd!: number;

  @ApiPropertyOptional({ type: BilingualTextDto, description: 'when the fee differs or is waived' })
  note?: BilingualTextDto;
}

class ProcessingTimeDto {
  @ApiProperty({ enum: ['working-days', 'working-hours'] })
  unit!: 'working-days' | 'working-hours';

  @ApiProperty({ example: 3 })
  amount!: number;
}

/** What a counter filing received now would be given; nothing is filed or reserved. */
export class AppointmentQuoteDto {
  @ApiProperty({ example: 'HKD-DANGKY' })
  procedureCode!: string;

  @ApiProperty({ example: 1, description: 'the version in force, which a filing now is received under' })
  procedureVersion!: number;

  @ApiProperty({ type: BilingualTextDto })
  procedureName!: BilingualTextDto;

  @ApiProperty({ example: '19753.BD1' })
  receivingUnitCode!: string;

  @ApiProperty({ type: FeeDto })
  fee!: FeeDto;

  @ApiProperty({
    type: ProcessingTimeDto,
    description: "the procedure's processing time, in working days or working hours",
  })
  processingTime!: ProcessingTimeDto;

  @ApiProperty({ format: 'date-time', description: 'the instant quoted: now, on the clock filings are received by' })
  quotedAt!: string;

  @ApiProperty({
    format: 'date-time',
    description:
      'when the processing time would start: now, or the next shift when received after 15:00 or outside working hours',
  })
  countingFrom!: string;

  @ApiProperty({ format: 'date', example: '2026-11-27', description: 'the appointment date the receipt would state' })
  appointmentDate!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
}
