import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { EventDataModule, KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformModule } from '@onestop/platform';
import { ReferenceDataModule } from '@onestop/reference-data';
import { CertificateRegistry } from '../certificates/certificate-registry';
import { CertificatesController } from '../certificates/certificates.controller';
import { CrlPublisher } from '../certificates/crl-publisher';
import { digitalSignatureSchema } from '../database/schema';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { PkiModule } from '../pki/pki.module';
import { SignatureRequestedHandler } from '../signing/signature-request.handler';
import { SignaturesController } from '../signing/signatures.controller';
import { SigningService } from '../signing/signing.service';
import { VerificationService } from '../verification/verification.service';
import { VerificationsController } from '../verification/verifications.controller';

@Module({})
export class AppModule {
  static register(env: DigitalSignatureEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'digital-signature', env, database: digitalSignatureSchema, readiness: [KafkaReadiness], clock }),
        MessagingModule.forRoot({ service: 'digital-signature', registry: createEventRegistry() }),
        EventDataModule,
        ReferenceDataModule,
        PkiModule,
      ],
      controllers: [CertificatesController, SignaturesController, VerificationsController],
      providers: [CertificateRegistry, CrlPublisher, SigningService, SignatureRequestedHandler, VerificationService],
    };
  }
}
