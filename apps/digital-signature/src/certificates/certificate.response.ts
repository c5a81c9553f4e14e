import { ApiProperty } from '@nestjs/swagger';

/** A registered certificate as the registry shows it: never its key. */
export class CertificateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  userId!: string;

  @ApiProperty({ example: '19753' })
  unitCode!: string;

  @ApiProperty()
  commonName!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty()
  issuer!: string;

  @ApiProperty()
  serialNumber!: string;

  @ApiProperty({ description: 'SHA-256 of the DER certificate' })
  fingerprint!: string;

  @ApiProperty({ format: 'date-time' })
  notBefore!: string;

  @ApiProperty({ format: 'date-time' })
  notAfter!: string;

  @ApiProperty({ enum: ['server', 'device'] })
  keyStorage!: string;

  @ApiProperty({ enum: ['active', 'locked', 'revoked'] })
  status!: string;

  @ApiProperty({ type: String, nullable: true })
  lockReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  revocationReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  importedAt!: string;
}

export class CertificateListDto {
  @ApiProperty({ type: [CertificateDto] })
  items!: CertificateDto[];
}
