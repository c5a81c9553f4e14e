import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
] as const;

export class RevokeCertificateDto {
  @ApiProperty({ enum: REVOCATION_REASONS })
  @IsIn(REVOCATION_REASONS)
  reason!: (typeof REVOCATION_REASONS)[number];
}
