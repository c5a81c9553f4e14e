import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { EventDataModule, KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformModule } from '@onestop/platform';
import { ReferenceDataModule } from '@onestop/reference-data';
import { CertificateRegistry } from '../certificates/certificate-registry.service';
import { CertificateStore } from '../certificates/certificate.store';
import { CertificatesController } from '../certificates/certificates.controller';
import { CrlPublisher } from '../certificates/crl-publisher';
import { digitalSignatureSchema } from '../database/schema';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { PkiModule } from '../pki/pki.module';
import { DocumentStore } from '../signing/document.store';
import { PreparationStore } from '../signing/preparation.store';
import { ResultSigningService } from '../signing/result-signing.service';
import { SignatureRequestStore } from '../signing/signature-request.store';
import { SignatureStore } from '../signing/signature.store';
import { SignaturesController } from '../signing/signatures.controller';
import { SignaturesService } from '../signing/signatures.service';
import { SigningEventsController } from '../signing/signing-events.controller';
import { SigningService } from '../signing/signing.service';
import { VerificationService } from '../verification/verification.service';
import { VerificationStore } from '../verification/verification.store';
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
      controllers: [CertificatesController, SignaturesController, SigningEventsController, VerificationsController],
      providers: [
        CertificateStore,
        CertificateRegistry,
        CrlPublisher,
        DocumentStore,
        SignatureStore,
        PreparationStore,
        SignatureRequestStore,
        SigningService,
        SignaturesService,
        ResultSigningService,
        VerificationStore,
        VerificationService,
      ],
    };
  }
}
