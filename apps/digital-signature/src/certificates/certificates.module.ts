import { Module } from '@nestjs/common';
import { SigningStoresModule } from '../signing/signing-stores.module';
import { CertificateRegistry } from './certificate-registry.service';
import { CertificateStore } from './certificate.store';
import { CertificatesController } from './certificates.controller';
import { CrlPublisher } from './crl-publisher';

/** Officials' certificates and keys, and the CRL of their revocations. */
@Module({
  imports: [SigningStoresModule],
  controllers: [CertificatesController],
  providers: [CertificateStore, CertificateRegistry, CrlPublisher],
  exports: [CertificateStore, CertificateRegistry],
})
export class CertificatesModule {}
