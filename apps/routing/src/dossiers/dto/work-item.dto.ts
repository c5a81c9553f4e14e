import { ApiProperty } from '@nestjs/swagger';
import { RESULT_CHANNELS } from '@onestop/contracts';
import { ACTIONS, STATES } from '../../workflow/dossier-workflow';

class LocalizedNameDto {
  @ApiProperty({ example: 'Đăng ký hộ kinh doanh' })
  vi!: string;

  @ApiProperty({ example: 'Household business registration' })
  en!: string;
}

class ProcedureRefDto {
  @ApiProperty({ example: 'HKD-DANGKY' })
  code!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ type: LocalizedNameDto })
  name!: LocalizedNameDto;
}

class ApplicantContactDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  communeCode!: string | null;
}

/** The officer's view of a dossier: the applicant's contact, the deadline, what can be done next. */
export class WorkItemDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '19753-261124-0001' })
  code!: string;

  @ApiProperty({ description: 'national status code', example: 4 })
  status!: number;

  @ApiProperty({ enum: STATES })
  state!: string;

  @ApiProperty({ type: ProcedureRefDto })
  procedure!: ProcedureRefDto;

  @ApiProperty()
  unitCode!: string;

  @ApiProperty()
  receivingUnitCode!: string;

  @ApiProperty({ type: String, nullable: true })
  assigneeId!: string | null;

  @ApiProperty({ type: ApplicantContactDto })
  applicant!: ApplicantContactDto;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty()
  clockPaused!: boolean;

  @ApiProperty({ type: String, enum: ['approved', 'rejected'], nullable: true })
  outcome!: string | null;

  @ApiProperty({ type: String, enum: RESULT_CHANNELS, nullable: true })
  resultChannel!: string | null;

  @ApiProperty({ enum: ACTIONS, isArray: true })
  allowedActions!: string[];

  @ApiProperty({ description: 'sent back with the next action; a stale one is refused (409)' })
  version!: number;
}
