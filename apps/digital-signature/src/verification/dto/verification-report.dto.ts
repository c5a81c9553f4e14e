import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const INDICATIONS = ['TOTAL_PASSED', 'TOTAL_FAILED', 'INDETERMINATE'];

class ReportedSignerDto {
  @ApiProperty()
  commonName!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty()
  serialNumber!: string;

  @ApiProperty()
  issuer!: string;
}

class TimestampReportDto {
  @ApiProperty({ format: 'date-time' })
  time!: string;

  @ApiProperty()
  valid!: boolean;

  @ApiProperty({ type: String, nullable: true })
  authority!: string | null;

  @ApiPropertyOptional()
  problem?: string;
}

class ChainReportDto {
  @ApiProperty()
  status!: string;

  @ApiProperty({ type: [String] })
  path!: string[];

  @ApiPropertyOptional()
  problem?: string;
}

class RevocationReportDto {
  @ApiProperty({ enum: ['good', 'revoked', 'unknown'] })
  status!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  revokedAt?: string;

  @ApiPropertyOptional()
  reason?: string;
}

class SignatureReportDto {
  @ApiProperty({ type: ReportedSignerDto, nullable: true })
  signer!: ReportedSignerDto | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  claimedSigningTime!: string | null;

  @ApiProperty({ type: String, enum: ['B-B', 'B-T'], nullable: true })
  level!: string | null;

  @ApiProperty({ type: TimestampReportDto, nullable: true })
  timestamp!: TimestampReportDto | null;

  @ApiProperty()
  coversWholeDocument!: boolean;

  @ApiProperty({ description: 'bytes after the revision this signature covers' })
  bytesAfter!: number;

  @ApiPropertyOptional({ enum: ['none', 'signatures-only', 'content'] })
  changesAfter?: string;

  @ApiProperty({ enum: ['intact', 'modified', 'unknown'] })
  integrity!: string;

  @ApiProperty({ enum: ['valid', 'invalid', 'unknown'] })
  signatureValue!: string;

  @ApiProperty({ type: ChainReportDto })
  chain!: ChainReportDto;

  @ApiProperty({ type: RevocationReportDto })
  revocation!: RevocationReportDto;

  @ApiProperty({ enum: INDICATIONS })
  indication!: string;

  @ApiPropertyOptional()
  subIndication?: string;
}

/** ETSI EN 319 102-1 indications for the document and each of its signatures. */
export class VerificationReportDto {
  @ApiProperty({ enum: INDICATIONS })
  indication!: string;

  @ApiPropertyOptional({ example: 'NO_SIGNATURE_FOUND' })
  subIndication?: string;

  @ApiProperty()
  documentSha256!: string;

  @ApiProperty({ description: 'bytes after the last signature that no signature covers' })
  unsignedBytesAfterLastSignature!: number;

  @ApiProperty({ type: [SignatureReportDto] })
  signatures!: SignatureReportDto[];
}
