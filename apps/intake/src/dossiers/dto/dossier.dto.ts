import { ApiProperty } from '@nestjs/swagger';
import { PublicRatingDto } from '../../ratings/dto/public-rating.dto';

/** The receipt a filing answers with: no personal data, what the citizen needs to come back. */
export class DossierReceiptDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '19753-261124-0001' })
  code!: string;

  @ApiProperty({ description: 'national status code', example: 2 })
  status!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  receivedAt!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  appointmentDate!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt!: string | null;

  @ApiProperty({ type: [String], description: 'the documents the desk asked for' })
  missingDocuments!: string[];

  @ApiProperty({ type: String, nullable: true })
  intakeNote!: string | null;
}

class ProcedureVersionDto {
  @ApiProperty({ example: 'HKD-DANGKY' })
  code!: string;

  @ApiProperty({ example: 1 })
  version!: number;
}

class ApplicantAddressDto {
  @ApiProperty()
  line!: string;

  @ApiProperty({ example: '19753' })
  communeCode!: string;
}

class ApplicantViewDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'masked unless the caller asked for it', example: '*********234' })
  citizenId!: string;

  @ApiProperty()
  phone!: string;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: ApplicantAddressDto })
  address!: ApplicantAddressDto;
}

class FiledDocumentDto {
  @ApiProperty()
  type!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ description: 'bytes' })
  size!: number;
}

/** The whole dossier for an officer with jurisdiction (or the citizen who filed it). */
export class DossierDto extends DossierReceiptDto {
  @ApiProperty({ type: ProcedureVersionDto })
  procedure!: ProcedureVersionDto;

  @ApiProperty({ example: '46' })
  provinceCode!: string;

  @ApiProperty()
  receivingUnitCode!: string;

  @ApiProperty({ type: String, nullable: true })
  competentUnitCode!: string | null;

  @ApiProperty({ enum: ['online', 'counter', 'postal'] })
  channel!: string;

  @ApiProperty({ type: ApplicantViewDto })
  applicant!: ApplicantViewDto;

  @ApiProperty()
  subjectCommuneCode!: string;

  @ApiProperty({ type: [FiledDocumentDto] })
  documents!: FiledDocumentDto[];

  @ApiProperty({ format: 'date-time' })
  filedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  resultChannel!: string | null;

  @ApiProperty()
  version!: number;
}

export class DossierListDto {
  @ApiProperty({ type: [DossierDto] })
  items!: DossierDto[];

  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last' })
  nextCursor!: string | null;
}

class PublicStepDto {
  @ApiProperty({ type: Number, nullable: true })
  from!: number | null;

  @ApiProperty()
  to!: number;

  @ApiProperty()
  action!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: String, nullable: true, description: 'what the step tells the applicant in words' })
  note!: string | null;
}

/** What anyone with the code and the phone's last digits sees. */
export class PublicStatusDto {
  @ApiProperty({ example: '19753-261124-0001' })
  code!: string;

  @ApiProperty({ description: 'national status code', example: 4 })
  status!: number;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  appointmentDate!: string | null;

  @ApiProperty({ type: [PublicStepDto] })
  history!: PublicStepDto[];

  @ApiProperty({
    type: PublicRatingDto,
    description: 'whether the applicant may rate the service now, and the rating once given',
  })
  rating!: PublicRatingDto;
}
