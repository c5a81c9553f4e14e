import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An official's certificate as the registry keeps it: bound to a user and a unit of a province. */
@Entity({ name: 'certificates' })
export class CertificateEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text', { name: 'common_name' })
  commonName: string;

  @Column('text')
  subject: string;

  @Column('text')
  issuer: string;

  @Column('text', { name: 'serial_number' })
  serialNumber: string;

  @Column('text')
  fingerprint: string;

  @Column('timestamptz', { name: 'not_before' })
  notBefore: Date;

  @Column('timestamptz', { name: 'not_after' })
  notAfter: Date;

  /** The certificate first, then its chain up to (not including) the trust anchor. */
  @Column('text', { name: 'chain_pem' })
  chainPem: string;

  @Column('text', { name: 'key_storage' })
  keyStorage: 'server' | 'device';

  /** PKCS#8 EncryptedPrivateKeyInfo; present exactly when the key is held by the service. */
  @Column('text', { name: 'encrypted_private_key', nullable: true })
  encryptedPrivateKey: string | null;

  /** The KEY_ENCRYPTION_SECRET key that encrypted encryptedPrivateKey. */
  @Column('text', { name: 'private_key_secret_id', nullable: true })
  privateKeySecretId: string | null;

  @Column('timestamptz', { name: 'locked_at', nullable: true })
  lockedAt: Date | null;

  @Column('text', { name: 'lock_reason', nullable: true })
  lockReason: string | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @Column('text', { name: 'revocation_reason', nullable: true })
  revocationReason: string | null;

  @Column('text', { name: 'imported_by' })
  importedBy: string;

  @Column('timestamptz', { name: 'imported_at' })
  importedAt: Date;
}
