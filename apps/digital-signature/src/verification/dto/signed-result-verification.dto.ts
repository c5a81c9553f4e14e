import { ApiProperty } from '@nestjs/swagger';
import { VerificationReportDto } from './verification-report.dto';

/** A dossier's signed result verified: who signed and when, nothing of the applicant. */
export class SignedResultVerificationDto extends VerificationReportDto {
  @ApiProperty()
  dossierCode!: string;

  @ApiProperty({ format: 'date-time' })
  signedAt!: string;
}
