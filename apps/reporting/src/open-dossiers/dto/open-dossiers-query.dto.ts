import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EmptyAsAbsent, IsOmittable, IsUnitCode, PageLimitQueryDto } from '@onestop/platform';
import { IsIn, IsString, Matches } from 'class-validator';

/** Late: open past the deadline. Due soon: open, deadline within the warning time (see OPEN_DOSSIER_STATES' description). */
export const OPEN_DOSSIER_STATES = ['late', 'due-soon'] as const;
export type OpenDossierState = (typeof OPEN_DOSSIER_STATES)[number];

/** The open dossiers of one unit that missed or are about to miss their deadline, a page at a time. */
export class OpenDossiersQueryDto extends PageLimitQueryDto {
  @ApiProperty({
    description: 'the processing unit: one of your province (province roles); a unit leader may only name his own',
    example: '19753',
  })
  @IsUnitCode()
  unit!: string;

  @ApiPropertyOptional({ description: 'only the dossiers of this procedure', example: 'HT-KHAISINH' })
  @EmptyAsAbsent()
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Z0-9.-]{3,32}$/, { message: 'must be a procedure code such as HT-KHAISINH' })
  procedure?: string;

  @ApiProperty({
    enum: OPEN_DOSSIER_STATES,
    description:
      'late: open with the deadline passed (most overdue first); due-soon: open with the deadline within the next working day (8 working hours, as task monitoring warns), soonest first',
    example: 'late',
  })
  @IsIn(OPEN_DOSSIER_STATES, { message: `must be one of ${OPEN_DOSSIER_STATES.join(', ')}` })
  state!: OpenDossierState;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, { message: 'must be the nextCursor of a previous page' })
  cursor?: string;
}
