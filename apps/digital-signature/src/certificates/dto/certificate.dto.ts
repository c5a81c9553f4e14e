import { ApiProperty } from '@nestjs/swagger';
import { CertificateEntity } from '../certificate.entity';

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

/** What the API shows of a certificate: never the key, encrypted or not. */
export function certificateView(record: CertificateEntity) {
  return {
    id: record.id,
    userId: record.userId,
    unitCode: record.unitCode,
    commonName: record.commonName,
    subject: record.subject,
    issuer: record.issuer,
    serialNumber: record.serialNumber,
    fingerprint: record.fingerprint,
    notBefore: record.notBefore,
    notAfter: record.notAfter,
    keyStorage: record.keyStorage,
    status: record.revokedAt ? 'revoked' : record.lockedAt ? 'locked' : 'active',
    lockReason: record.lockReason,
    revokedAt: record.revokedAt,
    revocationReason: record.revocationReason,
    importedAt: record.importedAt,
  };
}
